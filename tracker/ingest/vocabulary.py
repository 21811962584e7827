"""What the dataset already knows, read from data/*.csv, so that the extractor proposes values in
the dataset's own vocabulary: its units, metrics, topics and jurisdictions, and the names of the
people, organisations, clusters and conferences it already holds.
"""
from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from tracker import contract

_STOPWORDS = set("""a an and are as at be by for from has have in into is it its of on or that the their this to was
were will with ai such other than more most which who whose about""".split())


def tokens(text: str) -> set[str]:
    """Lower-case content words with a crude plural stripped, for overlap scores."""
    words = re.findall(r"[a-z][a-z-]+", (text or "").lower().replace("’", "'"))
    return {w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w
            for w in words if w not in _STOPWORDS}


@dataclass(frozen=True)
class Entity:
    record_id: str
    name: str
    kind: str                 # person, organization, cluster, conference


@dataclass(eq=False)     # hashed by identity: the extractor caches patterns per loaded vocabulary
class Vocabulary:
    units: dict[str, str] = field(default_factory=dict)              # unit -> kind (currency, share, count, rank)
    metrics: dict[str, str] = field(default_factory=dict)            # metric -> label and description
    topics: dict[str, str] = field(default_factory=dict)             # topic -> label and description
    jurisdictions: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (label, level)
    entities: list[Entity] = field(default_factory=list)
    metric_units: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    metric_topic: dict[str, str] = field(default_factory=dict)
    unit_topic: dict[str, str] = field(default_factory=dict)
    record_ids: set[str] = field(default_factory=set)
    source_ids: set[str] = field(default_factory=set)
    archive_names: dict[str, str] = field(default_factory=dict)      # archive_name -> source_id

    @property
    def count_units(self) -> set[str]:
        return {u for u, kind in self.units.items() if kind == "count"}

    def default_jurisdiction(self) -> str | None:
        return next(iter(self.jurisdictions), None)


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def load(data_dir: Path) -> Vocabulary:
    data_dir = Path(data_dir)
    v = Vocabulary()
    v.units = {r["unit"]: r["kind"] for r in _rows(data_dir / "units.csv")}
    v.metrics = {r["metric"]: f"{r['label']} {r['description']}" for r in _rows(data_dir / "metrics.csv")}
    v.topics = {r["topic"]: f"{r['label']} {r['description']}" for r in _rows(data_dir / "topics.csv")}
    v.jurisdictions = {r["jurisdiction"]: (r["label"], r["level"]) for r in _rows(data_dir / "jurisdictions.csv")}
    for r in _rows(data_dir / "sources.csv"):
        v.source_ids.add(r["source_id"])
        v.archive_names[r["archive_name"]] = r["source_id"]
    metric_topics: dict[str, Counter] = defaultdict(Counter)
    unit_topics: dict[str, Counter] = defaultdict(Counter)
    for table in contract.record_tables():
        id_column = table.primary_key[0]
        for r in _rows(data_dir / table.file_name):
            v.record_ids.add(r[id_column])
            metric, unit = r.get("metric"), r.get("unit") or r.get("size_unit")
            if metric:
                if unit:
                    v.metric_units[metric].add(unit)
                metric_topics[metric][r["topic"]] += 1
            if unit:
                unit_topics[unit][r["topic"]] += 1
    v.metric_topic = {m: c.most_common(1)[0][0] for m, c in metric_topics.items()}
    v.unit_topic = {u: c.most_common(1)[0][0] for u, c in unit_topics.items()}
    for r in _rows(data_dir / "actors.csv"):
        v.entities.append(Entity(r["actor_id"], r["name"], r["actor_type"]))
    for r in _rows(data_dir / "clusters.csv"):
        v.entities.append(Entity(r["cluster_id"], r["name"], "cluster"))
    for r in _rows(data_dir / "conferences.csv"):
        v.entities.append(Entity(r["conference_id"], r["name"], "conference"))
    return v
