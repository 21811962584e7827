-- overview__timeline_counts: one row per year and event type inside the filters: how many dated
-- events (see the timeline view) and in how many topics. Drawn instead of the events when they
-- are too many to draw one by one; aggregated here, so the page receives at most years x types rows.
select year, event_type, count(*) as events, count(distinct topic) as topics
from timeline
where int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
group by year, event_type
order by year, event_type
