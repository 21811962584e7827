"""Benchmarks of the tracker at its real size and at synthetic scales (see docs/BENCHMARKS.md)."""
