-- timeline: one row per dated event: conferences, meetings and other partnerships, zones
-- established, funds launched, dated governance steps, plans announced, target deadlines and
-- achievements that are actions ("firsts"). date_precision says whether the day, month or only
-- the year is known (then date is January 1, or December 31 for a deadline "by" that year). note is
-- the record's curator note, which says how a date the source does not print was inferred.
create or replace view timeline as
with events as (
    select conference_id as record_id, 'conference' as event_type, event_date as date, date_precision,
        name || coalesce(' ' || edition, '') as title, jurisdiction, topic, claim_type, event_nature, source_ids, note
    from conferences
    union all
    select partnership_id, 'partnership', coalesce(event_date, make_date(year, 1, 1)), coalesce(date_precision, 'year'),
        organization || ' – ' || counterpart || ': ' || kind, jurisdiction, topic, claim_type, event_nature, source_ids, note
    from partnerships
    union all
    select cluster_id, 'zone established', coalesce(established_on, make_date(established_year, 1, 1)),
        case when established_on is null then 'year' else 'day' end,
        name, jurisdiction, topic, claim_type, event_nature, source_ids, note
    from clusters where established_year is not null
    union all
    select fund_id, 'fund launched', make_date(launched_year, 1, 1), 'year', name, jurisdiction, topic, claim_type, event_nature, source_ids, note
    from funds where launched_year is not null
    union all
    select governance_id, 'governance step', make_date(stated_year, 1, 1), 'year', statement, jurisdiction, topic, claim_type, event_nature, source_ids, note
    from governance where stated_year is not null
    union all
    select target_id, 'plan announced', make_date(announced_year, 1, 1), 'year', statement, jurisdiction, topic, claim_type, event_nature, source_ids, note
    from targets where announced_year is not null
    union all
    select target_id, 'target deadline', make_date(deadline_year, 12, 31), 'year', statement, jurisdiction, topic, claim_type, event_nature, source_ids, note
    from targets where deadline_year is not null
    union all
    select achievement_id, 'milestone', coalesce(as_of_date, make_date(as_of_year, 1, 1)),
        case when as_of_date is null then 'year' else 'day' end,
        statement, jurisdiction, topic, claim_type, event_nature, source_ids, note
    from achievements where event_nature = 'action'
),
final as (
    select *, year(date) as year from events
)
select * from final
