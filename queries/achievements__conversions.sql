-- achievements__conversions: one row per dollar figure given for a yuan amount of a record
-- inside the filters: each source's reported conversion (preferred or not, with the reason) and
-- this project's derived conversion at the annual average rate, so disagreements show.
-- Only the first $limit records by label (null: all); records_in_view counts them all.
with records_in_view as (
    select record_id, kind, title as label
    from int_conversion_records         -- the records with a reported conversion, stored at build time
    where int_in_filter(year, end_year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
reported as (
    select r.record_id, r.label, c.source_id, c.value, c.unit,
        case when c.preferred then 'reported (preferred)' else 'reported' end as kind, c.reason
    from reported_conversions as c
    join records_in_view as r using (record_id)
),
derived as (
    select r.record_id, r.label, null as source_id, m.value / m.cny_per_usd as value, 'USD' as unit,
        'derived by this project' as kind, m.conversion_basis as reason
    from money_values as m
    join records_in_view as r using (record_id)
    where m.unit = 'CNY' and m.record_id in (select record_id from reported)
),
shown as (
    select record_id, label, count(*) over () as records_in_view
    from (select distinct record_id, label from reported)
    order by label, record_id
    limit $limit
),
final as (
    select * from reported
    union all
    select * from derived
)
select f.*, f.value / 1e9 as value_bn, s.records_in_view
from final as f
join shown as s using (record_id)
order by f.label, f.record_id, f.kind
