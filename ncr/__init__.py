"""ncr: compare what news sources claim."""
