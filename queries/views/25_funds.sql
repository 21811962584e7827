-- funds: one row per fund and money stage (announced, committed and deployed amounts are
-- separate rows, never summed).
create or replace view funds as
select
    f.fund_id, f.name, f.size_value, f.size_unit, f.backers, f.focus, f.launched_year, f.amount_stage,
    f.jurisdiction, f.topic, f.claim_type, f.event_nature, f.note,
    coalesce(f.launched_year, r.first_reported_year) as year,
    r.first_reported_year, r.source_ids, r.evidence_count
from raw.funds as f
left join int_record_sources as r on r.record_id = f.fund_id
