-- targets: one row per stated goal, quantitative or qualitative, with the conversion the
-- preferred source reports beside its amount and the span of years in which it applies.
create or replace view targets as
with targets as (
    select * from raw.targets
),
final as (
    select
        t.target_id, t.jurisdiction, t.topic, t.statement, t.metric, t.comparator, t.target_value, t.unit,
        t.deadline_year, t.announced_year, t.speaker, t.claim_type, t.event_nature, t.note,
        t.target_value is not null as is_quantitative,
        c.reported_conversion_value, c.reported_conversion_unit, c.reported_conversion_source,
        coalesce(c.reported_conversion_count, 0) as reported_conversion_count,
        coalesce(t.announced_year, r.first_reported_year) as active_from_year,
        r.first_reported_year, r.source_ids, r.evidence_count
    from targets as t
    left join int_preferred_conversions as c on c.record_id = t.target_id
    left join int_record_sources as r on r.record_id = t.target_id
)
select * from final
