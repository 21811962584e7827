-- overview__headlines: one row per Shanghai headline metric (AI industry scale, share of China's
-- AI talent, companies with AI as core business): the latest figure inside the filters,
-- in the chosen currency (money only), with its year, claim type and sources. Where no figure is
-- dated in the chosen years, the latest one before them, with in_view false: the page says there
-- is none in view and what the last one before was, as the goal pages measure progress with it.
with candidates as (
    select a.*, u.kind as unit_kind, m.value_cny, m.value_usd, m.cny_is_derived, m.usd_is_derived, m.cny_basis, m.usd_basis
    from achievements as a
    join units as u on u.unit = a.unit
    left join money_values as m on m.record_id = a.achievement_id
    where a.jurisdiction = 'shanghai'
      and a.metric in ('ai_industry_scale', 'ai_talent_share', 'ai_core_companies')
      and a.value is not null and a.subject is null      -- a company's figure is not Shanghai's
      and int_in_filter(a.as_of_year, a.as_of_year, a.topic, a.jurisdiction, 0, $year_to, $topics, $jurisdictions)
),
latest as (
    select * from candidates
    qualify row_number() over (partition by metric order by as_of_year desc, as_of_date desc nulls last, achievement_id) = 1
),
final as (
    select
        l.metric, mt.label as metric_label, l.achievement_id, l.statement, l.comparator, l.as_of_year,
        l.as_of_year >= $year_from as in_view,
        int_display_value(l.value, l.unit_kind, l.value_cny, l.value_usd, $currency) as value,
        int_display_unit(l.unit, l.unit_kind, $currency) as unit,
        l.unit_kind,
        int_display_derived(l.unit_kind, l.cny_is_derived, l.usd_is_derived, $currency) as is_derived,
        l.value as reported_value, l.unit as reported_unit,
        int_display_basis(l.unit_kind, l.cny_basis, l.usd_basis, $currency) as conversion_basis,
        l.claim_type, l.source_ids
    from latest as l
    join metrics as mt using (metric)
)
select * from final order by metric
