-- achievements__event_marks: one row per year inside the filters that has plans announced,
-- conferences or meetings: a short label saying what happened, to mark on time-series charts.
with events as (
    select year, event_type
    from timeline
    where event_type in ('plan announced', 'conference', 'partnership')
      and int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
),
counted as (
    select year, event_type, count(*) as n from events group by year, event_type
),
final as (
    select year, string_agg(n || ' ' || case event_type when 'plan announced' then 'plan' when 'conference' then 'conf.'
                                               else 'partn.' end, ' · ' order by event_type) as label
    from counted
    group by year
)
select * from final order by year
