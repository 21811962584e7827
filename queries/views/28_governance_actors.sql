-- governance: one row per plan, priority, regulation, standard or alliance; year falls back to
-- the year it was first reported when the sources do not date the step (year_basis says which).
create or replace view governance as
select
    g.governance_id, g.kind, g.statement, g.year as stated_year,
    coalesce(g.year, r.first_reported_year) as year,
    case when g.year is null then 'first reported' else 'stated' end as year_basis,
    g.jurisdiction, g.topic, g.claim_type, g.event_nature, g.note,
    r.first_reported_year, r.source_ids, r.evidence_count
from raw.governance as g
left join int_record_sources as r on r.record_id = g.governance_id;

-- actors: one row per person or organisation named by the sources, with role and affiliation.
create or replace view actors as
select
    a.actor_id, a.name, a.actor_type, a.role, a.affiliation, a.jurisdiction, a.topic, a.claim_type, a.note,
    r.first_reported_year as year, r.first_reported_year, r.source_ids, r.evidence_count
from raw.actors as a
left join int_record_sources as r on r.record_id = a.actor_id
