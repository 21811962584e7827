-- records: every record of every kind in one shape, for filtering, counting and searching.
-- year is the year the record is about (year_basis says which); end_year closes a target's span
-- (its deadline; null = open-ended) and equals year for every other kind.
create or replace view records as
with unified as (
    select target_id as record_id, 'target' as kind, jurisdiction, topic, statement as title, statement,
        active_from_year as year, deadline_year as end_year,
        case when announced_year is null then 'first reported' else 'announced' end as year_basis,
        claim_type, event_nature, source_ids, evidence_count
    from targets
    union all
    select achievement_id, 'achievement', jurisdiction, topic, statement, statement,
        as_of_year, as_of_year, 'as of', claim_type, event_nature, source_ids, evidence_count
    from achievements
    union all
    select cluster_id, 'cluster', jurisdiction, topic, name, coalesce(name || ': ' || focus, name),
        year, year, case when established_year is null then 'first reported' else 'established' end,
        claim_type, event_nature, source_ids, evidence_count
    from clusters
    union all
    select fund_id, 'fund', jurisdiction, topic, name, name || coalesce(': ' || focus, ''),
        year, year, case when launched_year is null then 'first reported' else 'launched' end,
        claim_type, event_nature, source_ids, evidence_count
    from funds
    union all
    select conference_id, 'conference', jurisdiction, topic, name || coalesce(' ' || edition, ''),
        name || coalesce(' ' || edition, '') || coalesce(', ' || location, ''),
        year, year, 'held', claim_type, event_nature, source_ids, evidence_count
    from conferences
    union all
    select partnership_id, 'partnership', jurisdiction, topic, organization || ' – ' || counterpart, statement,
        year, year, 'event', claim_type, event_nature, source_ids, evidence_count
    from partnerships
    union all
    select governance_id, 'governance', jurisdiction, topic, statement, statement,
        year, year, year_basis, claim_type, event_nature, source_ids, evidence_count
    from governance
    union all
    select actor_id, 'actor', jurisdiction, topic, name, name || coalesce(': ' || role, ''),
        year, year, 'first reported', claim_type, null, source_ids, evidence_count
    from actors
)
select * from unified
