-- achievements__series: one row per figure of one metric ($metric) inside the filters, by year
-- and jurisdiction. Money is shown in the chosen currency; in 'reported' mode a chart needs one
-- axis, so money is drawn in CNY and any converted figure is flagged derived with its basis.
-- Only the $series jurisdictions with the most figures are returned (a line each, and one per
-- company whose figures they hold: more would not read); series_in_view counts the jurisdictions
-- that have figures.
with points as (
    select a.*, u.kind as unit_kind, m.value_cny, m.value_usd, m.cny_is_derived, m.usd_is_derived, m.cny_basis, m.usd_basis
    from achievements as a
    join units as u on u.unit = a.unit
    left join money_values as m on m.record_id = a.achievement_id
    where a.metric = $metric and a.value is not null
      and int_in_filter(a.as_of_year, a.as_of_year, a.topic, a.jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
ranked as (
    select jurisdiction, count(*) as figures
    from points
    group by jurisdiction
),
shown as (
    select jurisdiction from ranked order by figures desc, jurisdiction limit $series
),
axis as (
    select case when $currency = 'reported' then 'CNY' else $currency end as currency
),
final as (
    select
        p.achievement_id, p.jurisdiction, j.label as jurisdiction_label, p.subject,
        coalesce(p.subject || ' in ' || j.label, j.label) as series_label,   -- a company's figure is the company's line
        p.topic, p.statement, p.comparator,
        p.as_of_year as year, p.value as reported_value, p.unit as reported_unit, p.unit_kind,
        int_display_value(p.value, p.unit_kind, p.value_cny, p.value_usd, x.currency) as value,
        int_display_unit(p.unit, p.unit_kind, x.currency) as unit,
        int_display_derived(p.unit_kind, p.cny_is_derived, p.usd_is_derived, x.currency) as derived,
        int_display_basis(p.unit_kind, p.cny_basis, p.usd_basis, x.currency) as conversion_basis,
        p.reported_conversion_value, p.reported_conversion_unit,
        p.claim_type, p.speaker, p.source_ids, p.note, (select count(*) from ranked) as series_in_view
    from points as p
    join jurisdictions as j on j.jurisdiction = p.jurisdiction
    cross join axis as x
    where p.jurisdiction in (select jurisdiction from shown)
)
select * from final order by jurisdiction desc, subject is not null, series_label, year, achievement_id   -- a jurisdiction's own line first
