-- int_record_sources: one row per record id that has evidence; which sources support it, how
-- many quotes, and when it was first and last reported (from the sources' publication dates).
create or replace view int_record_sources as
with evidence as (
    select * from raw.evidence
),
sources as (
    select * from raw.sources
),
final as (
    select
        e.record_id,
        string_agg(distinct e.source_id, '; ' order by e.source_id) as source_ids,
        count(*) as evidence_count,
        min(s.published_on) as first_reported_on,
        year(min(s.published_on)) as first_reported_year,
        year(max(s.published_on)) as last_reported_year
    from evidence as e
    join sources as s on s.source_id = e.source_id
    group by e.record_id
)
select * from final
