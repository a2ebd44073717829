"""The shareable report in a real browser: Debian's headless Chromium, driven by Selenium.

Run by ``make e2e`` (which installs Chromium, ChromeDriver and Selenium) and
left out of the default suite (``-m 'not e2e'`` in pyproject). It runs
``ncr report`` on the bundled seeds, opens the file, and checks what a reader
sees: the topics, a topic about troops with its camps and its chart, no console
error, a claim that reveals its sentence when clicked and its sentence marked
in the source text. Screenshots go to ``build/`` (desktop and phone width).

Missing Chromium, ChromeDriver or Selenium skips these tests with the reason,
except under ``NCR_E2E_REQUIRED=1`` (set by ``make e2e``), where it fails them.
No driver is downloaded: both binaries are given by path, Selenium Manager stays off.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
CHROMIUM = os.environ.get("NCR_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("NCR_CHROMEDRIVER", "/usr/bin/chromedriver")
# Flags for a closed network: without the background ones Chromium keeps trying to reach its services.
CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
)
os.environ.setdefault("SE_OFFLINE", "true")


def _missing() -> str | None:
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            return f"{path} not found (Debian package {package}; make e2e installs it)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[e2e]'; make e2e does it)"
    return None


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    reason = _missing()
    if reason:
        if os.environ.get("NCR_E2E_REQUIRED") == "1":
            pytest.fail(f"cannot run the browser test: {reason}")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    browser.set_window_size(1280, 1800)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``ncr report seeds -o build/report-seeds.html``, run as a user would, with a fresh cache."""
    BUILD.mkdir(exist_ok=True)
    target = BUILD / "report-seeds.html"
    result = subprocess.run(
        [sys.executable, "-m", "ncr.cli", "report", "seeds", "-o", str(target)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NCR_CACHE_DIR": str(tmp_path_factory.mktemp("cache")), "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr
    return target


def severe(browser: Any) -> list[dict[str, Any]]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def troops_topic(browser: Any) -> Any:
    from selenium.webdriver.common.by import By

    topics = browser.find_elements(By.CSS_SELECTOR, "article.topic")
    assert topics, "no topic rendered"
    matching = [t for t in topics if re.search(r"troop|soldier", t.find_element(By.TAG_NAME, "h3").text, re.I)]
    assert matching, [t.find_element(By.TAG_NAME, "h3").text for t in topics]
    return matching[0]


def test_e2e_report_of_the_seeds_in_chromium(driver: Any, report_file: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(report_file.as_uri())
    assert driver.title.startswith("ncr report")
    topic = troops_topic(driver)
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -48);", topic)

    camps = topic.find_elements(By.CSS_SELECTOR, ".camp")
    assert camps and all(c.is_displayed() for c in camps)
    chart = topic.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.is_displayed() and chart.size["width"] > 200 and chart.size["height"] > 150
    assert topic.find_elements(By.CSS_SELECTOR, "svg.chart .mark circle, svg.chart .mark rect")

    # A claim reveals its sentence, the claim's words marked, when its row is clicked.
    claim = topic.find_element(By.CSS_SELECTOR, "details.claim")
    sentence = claim.find_element(By.CSS_SELECTOR, ".sentence")
    assert not sentence.is_displayed()
    claim.find_element(By.TAG_NAME, "summary").click()
    WebDriverWait(driver, 5).until(lambda _: sentence.is_displayed())
    assert sentence.find_element(By.TAG_NAME, "mark").text.strip()
    BUILD.mkdir(exist_ok=True)
    driver.save_screenshot(str(BUILD / "report-seeds.png"))

    # ... and its link opens the source text at that sentence, highlighted.
    claim.find_element(By.CSS_SELECTOR, ".jump a").click()
    claim_id = claim.get_attribute("id").removeprefix("claim-")
    hit = WebDriverWait(driver, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".sent.hit"))
    assert all(claim_id in h.get_attribute("data-claims").split() for h in hit)
    assert hit[0].is_displayed()
    assert driver.execute_script("return location.hash") == f"#s-{claim_id}"

    assert severe(driver) == []


def test_e2e_report_fits_a_phone(driver: Any, report_file: Path) -> None:
    driver.set_window_size(390, 844)
    try:
        driver.get(report_file.as_uri())
        troops_topic(driver)
        # The page never scrolls sideways; only a wide chart scrolls inside its own box.
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0
        driver.save_screenshot(str(BUILD / "report-seeds-phone.png"))
        assert severe(driver) == []
    finally:
        driver.set_window_size(1280, 1800)

