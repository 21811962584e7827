-- clusters: one row per industrial cluster or zone; coordinates are approximate (see
-- coordinates_precision) because the sources give none.
create or replace view clusters as
select
    k.cluster_id, k.name, k.district, k.kind, k.focus, k.latitude, k.longitude, k.established_year,
    k.established_on, k.coordinates_precision, k.jurisdiction, k.topic, k.claim_type, k.event_nature, k.note,
    coalesce(k.established_year, r.first_reported_year) as year,
    r.first_reported_year, r.source_ids, r.evidence_count
from raw.clusters as k
left join int_record_sources as r on r.record_id = k.cluster_id
