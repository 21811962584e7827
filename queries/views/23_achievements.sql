-- achievements: one row per reported achievement (a figure at a year, or a "first" or
-- breakthrough without a figure), with the conversion its source reports, if any.
create or replace view achievements as
with achievements as (
    select * from raw.achievements
),
final as (
    select
        a.achievement_id, a.jurisdiction, a.topic, a.statement, a.metric, a.comparator, a.value, a.unit,
        a.as_of_year, a.as_of_date, a.subject, a.speaker, a.claim_type, a.event_nature, a.note,
        c.reported_conversion_value, c.reported_conversion_unit,
        coalesce(c.reported_conversion_count, 0) as reported_conversion_count,
        r.first_reported_year, r.source_ids, r.evidence_count
    from achievements as a
    left join int_preferred_conversions as c on c.record_id = a.achievement_id
    left join int_record_sources as r on r.record_id = a.achievement_id
)
select * from final
