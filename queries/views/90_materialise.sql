-- Materialise, once at build time, the views the pages read most. Each view keeps its name and its
-- columns but now reads a table (int_<view>_t) written from its own definition above, so a page
-- query costs a scan of stored rows instead of re-running the joins, the per-row exchange-rate
-- lookups and the aggregations on every filter change (at a million records: seconds -> tens of
-- milliseconds; see docs/BENCHMARKS.md). Order matters: a view is materialised after the views it
-- reads, so each table is written from tables. Rows are stored in year order, so DuckDB's
-- min/max zone maps can skip blocks outside the chosen years.
create table int_record_sources_t as select * from int_record_sources;
create or replace view int_record_sources as select * from int_record_sources_t;

create table int_record_kinds_t as select * from int_record_kinds;
create or replace view int_record_kinds as select * from int_record_kinds_t;

create table int_targets_t as select * from targets order by active_from_year;
create or replace view targets as select * from int_targets_t;

create table int_achievements_t as select * from achievements order by as_of_year;
create or replace view achievements as select * from int_achievements_t;

create table int_clusters_t as select * from clusters order by year;
create or replace view clusters as select * from int_clusters_t;

create table int_funds_t as select * from funds order by year;
create or replace view funds as select * from int_funds_t;

create table int_conferences_t as select * from conferences order by year;
create or replace view conferences as select * from int_conferences_t;

create table int_partnerships_t as select * from partnerships order by year;
create or replace view partnerships as select * from int_partnerships_t;

create table int_governance_t as select * from governance order by year;
create or replace view governance as select * from int_governance_t;

create table int_actors_t as select * from actors order by year;
create or replace view actors as select * from int_actors_t;

create table int_money_values_t as select * from money_values;
create or replace view money_values as select * from int_money_values_t;

create table int_records_t as select * from records order by year;
create or replace view records as select * from int_records_t;

create table int_timeline_t as select * from timeline order by date;
create or replace view timeline as select * from int_timeline_t;

-- The figures goals are measured with (views/49_int_progress.sql), stored by cell and year, so
-- "the latest figure up to year Y" is one grouped scan of a sorted table per page (one row per
-- cell), joined to the goals on the cell number: at a million records ~15 ms, where ranking every
-- comparable figure of every goal on each filter change cost ~20 times that.
create table int_progress_figures_t as select * from int_progress_figures order by cell, as_of_year;
create or replace view int_progress_figures as select * from int_progress_figures_t;

create table int_target_progress_t as select * from target_progress;
create or replace view target_progress as select * from int_target_progress_t;

-- Each goal with its amount in both currencies and, if it is quantitative, its cell of figures,
-- stored once, so a page reads the goals it lists instead of joining every goal to the money
-- values on each filter change. Its progress depends on the chosen years: the page query
-- (goals__targets) looks it up.
create table int_goals_t as
select t.*, u.kind as unit_kind, c.cell as progress_cell,
       m.value_cny, m.value_usd, m.cny_is_derived, m.usd_is_derived, m.cny_basis, m.usd_basis
from targets as t
left join units as u on u.unit = t.unit
left join money_values as m on m.record_id = t.target_id
left join int_target_cells as c using (target_id)
order by t.active_from_year;
create or replace view int_goals as select * from int_goals_t;

-- The few records whose yuan amount a source converts to dollars itself, with what the filters
-- read: the disagreement chart scans these instead of every record (1M records: 3 thousand).
create table int_conversion_records_t as
select record_id, kind, title, year, end_year, topic, jurisdiction
from records
where record_id in (select record_id from reported_conversions)
order by year;
create or replace view int_conversion_records as select * from int_conversion_records_t;

-- Every relation the partnership network can draw, with the year, topic and jurisdiction its
-- filters read: partnerships (organisation - counterpart), the people a partnership names to their
-- organisation (from the actors list), and fund backers to the fund's jurisdiction. Stored once, so a
-- filter change does not split every partnership's list of people again.
create table int_network_edges_t as
select * from (
    select organization as source, counterpart as target, kind as relation, statement, year,
           partnership_id as record_id, source_ids, claim_type, topic, jurisdiction
    from partnerships
    union all
    select a.name, a.affiliation, a.role, a.name || ': ' || a.role, p.year, a.actor_id, a.source_ids, a.claim_type,
           p.topic, p.jurisdiction
    from (select trim(unnest(string_split(people, ';'))) as person, year, topic, jurisdiction
          from partnerships where people is not null) as p
    join actors as a on a.name = p.person
    where a.affiliation is not null
    union all
    select f.backers, j.label, 'backs a fund', f.name || coalesce(' (' || f.focus || ')', ''), f.year, f.fund_id,
           f.source_ids, f.claim_type, f.topic, f.jurisdiction
    from funds as f
    join jurisdictions as j on j.jurisdiction = f.jurisdiction
    where f.backers is not null
)
order by year;
create or replace view int_network_edges as select * from int_network_edges_t;

create table int_sources_t as select * from sources;
create or replace view sources as select * from int_sources_t;

-- Every quote beside the record it supports (the columns the evidence search filters and shows),
-- so searching the quotes is one scan, not a join of every quote with every record. `searchable`
-- is what the search matches: the quote, the record's text and id, lower-cased, with typographic
-- quote marks made plain (int_plain), so that text pasted from an article ("Shanghai’s") finds a
-- quote stored with a straight apostrophe, and the other way round. Fields are joined by a
-- character nobody types, so a search does not match across two of them.
create table int_evidence_t as
select e.*, r.title as record_title, r.statement as record_statement, r.year, r.end_year, r.topic,
       r.jurisdiction, r.claim_type,
       int_plain(concat_ws(chr(31), e.quote, r.statement, e.record_id)) as searchable
from evidence as e
join records as r using (record_id)
order by e.source_id, e.kind, e.record_id;
create or replace view evidence as
select record_id, source_id, quote, kind, source_title, source_published_on from int_evidence_t;
