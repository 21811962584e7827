-- overview__conference_count: one row: Shanghai's conference editions inside the filters (the cards
-- are Shanghai's headline figures), and how many of
-- them the sources report as held (the rest were announced ahead of the event).
select
    count(*) as editions,
    count(*) filter (where event_nature = 'action') as held,
    int_source_summary(list(distinct source_ids)) as source_ids
from conferences
where jurisdiction = 'shanghai'
  and int_in_filter(year, year, topic, jurisdiction, $year_from, $year_to, $topics, $jurisdictions)
