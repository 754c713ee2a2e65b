"""Oracles: one class per check ``kind``; each grades one declared check."""
