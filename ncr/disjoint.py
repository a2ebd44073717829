"""Disjoint sets (union-find) over the indices 0..n-1, shared by the stages that group things.

The smallest index of a set is its root, so groups come out in a deterministic
order whatever the order of the joins.
"""

from __future__ import annotations


class DisjointSets:
    """Union-find with path halving; ``join`` keeps the smaller root."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> bool:
        """Put ``a`` and ``b`` in one set; False when they already were."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        self.parent[max(root_a, root_b)] = min(root_a, root_b)
        return True

    def groups(self) -> dict[int, list[int]]:
        """Each set's members in index order, keyed by root, roots in index order."""
        found: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            found.setdefault(self.find(i), []).append(i)
        return found
