-- funds__list: one row per fund and money stage inside the filters: the size as reported and in
-- the chosen currency (derived when converted, with its basis), backers and focus.
-- The first $limit rows (null: all); rows_in_view counts them without the cap.
with matching as not materialized (
    select * from funds
    where int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
in_view as (
    select *, (select count(*) from matching) as rows_in_view
    from matching
    order by year, fund_id
    limit $limit
)
select
    f.fund_id, f.name, f.amount_stage, f.backers, f.focus, f.launched_year, f.year, f.topic, tp.label as topic_label,
    f.jurisdiction, f.claim_type, f.event_nature, f.note, f.source_ids,
    f.size_value as reported_value, f.size_unit as reported_unit,
    int_display_value(f.size_value, u.kind, m.value_cny, m.value_usd, case when $currency = 'reported' then f.size_unit else $currency end) as value,
    int_display_unit(f.size_unit, u.kind, case when $currency = 'reported' then f.size_unit else $currency end) as unit,
    int_display_derived(u.kind, m.cny_is_derived, m.usd_is_derived, $currency) as is_derived,
    m.conversion_basis, m.cny_is_derived, m.usd_is_derived, m.value_cny, m.value_usd, f.rows_in_view
from in_view as f
join topics as tp on tp.topic = f.topic
left join units as u on u.unit = f.size_unit
left join money_values as m on m.record_id = f.fund_id
order by f.year, f.fund_id
