-- sources: one row per article, with how many records it supports.
create or replace view sources as
with sources as (
    select * from raw.sources
),
supported as (
    select source_id, count(distinct record_id) as record_count, count(*) as quote_count
    from raw.evidence
    group by source_id
),
final as (
    select
        s.source_id, s.title, s.publisher, s.published_on, s.date_precision, s.url, s.archive_name,
        s.authors, s.date_note,
        coalesce(n.record_count, 0) as record_count,
        coalesce(n.quote_count, 0) as quote_count
    from sources as s
    left join supported as n using (source_id)
)
select * from final
