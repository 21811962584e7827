-- The curated dataset as typed tables: one table raw.<name> per data/<name>.csv, same columns in
-- the same order. This file is the single statement of the CSV contract: the validator reads the
-- column types, which columns are required (not null), primary keys and foreign keys from the
-- catalog after running it, so a rule added here is enforced on the CSV files too.
-- Record tables (every table with a claim_type column) share one id space across kinds.

create type claim_type as enum ('official_statement', 'press_report', 'derived');
create type event_nature as enum ('announcement', 'action');
create type date_precision as enum ('day', 'month', 'year');
create type comparator as enum ('more_than', 'about', 'at_least');
create type amount_stage as enum ('planned', 'announced', 'initial_capitalization', 'committed', 'deployed');
create type unit_kind as enum ('currency', 'share', 'count', 'rank');
create type actor_type as enum ('person', 'organization');

create schema raw;

-- vocabularies ---------------------------------------------------------------------------------
create table raw.topics (
    topic varchar primary key,
    label varchar not null,
    description varchar not null,
    color varchar not null            -- one colour per topic, used by every chart
);

create table raw.jurisdictions (
    jurisdiction varchar primary key,
    label varchar not null,
    level varchar not null
);

create table raw.units (
    unit varchar primary key,
    kind unit_kind not null,
    label varchar not null,
    symbol varchar
);

create table raw.metrics (
    metric varchar primary key,
    label varchar not null,
    description varchar not null
);

create table raw.fx_rates (
    year integer primary key,
    cny_per_usd double not null,
    basis varchar not null
);

create table raw.sources (
    source_id varchar primary key,
    archive_name varchar not null,
    title varchar not null,
    publisher varchar,                -- only where the article states it
    authors varchar,
    url varchar,                      -- only where the article states it
    published_on date not null,       -- first day of the period when date_precision is month or year
    date_precision date_precision not null,
    date_note varchar
);

-- records ----------------------------------------------------------------------------------------
create table raw.targets (
    target_id varchar primary key,
    jurisdiction varchar not null references raw.jurisdictions (jurisdiction),
    topic varchar not null references raw.topics (topic),
    statement varchar not null,
    metric varchar references raw.metrics (metric),
    comparator comparator,
    target_value double,              -- empty for a qualitative goal
    unit varchar references raw.units (unit),
    deadline_year integer,
    announced_year integer,
    speaker varchar,
    claim_type claim_type not null,
    event_nature event_nature,
    note varchar
);

create table raw.achievements (
    achievement_id varchar primary key,
    jurisdiction varchar not null references raw.jurisdictions (jurisdiction),
    topic varchar not null references raw.topics (topic),
    subject varchar,                  -- the organisation the record is about, when not the jurisdiction
    statement varchar not null,
    metric varchar references raw.metrics (metric),
    comparator comparator,
    value double,                     -- empty for a qualitative achievement (a "first", a breakthrough)
    unit varchar references raw.units (unit),
    as_of_year integer not null,
    as_of_date date,
    speaker varchar,
    claim_type claim_type not null,
    event_nature event_nature,
    note varchar
);

create table raw.clusters (
    cluster_id varchar primary key,
    jurisdiction varchar not null references raw.jurisdictions (jurisdiction),
    topic varchar not null references raw.topics (topic),
    name varchar not null,
    district varchar,
    kind varchar not null,
    focus varchar,
    latitude double not null,
    longitude double not null,
    coordinates_precision varchar not null,
    established_year integer,
    established_on date,
    claim_type claim_type not null,
    event_nature event_nature not null,
    note varchar
);

create table raw.funds (
    fund_id varchar primary key,
    jurisdiction varchar not null references raw.jurisdictions (jurisdiction),
    topic varchar not null references raw.topics (topic),
    name varchar not null,
    size_value double,
    size_unit varchar references raw.units (unit),
    amount_stage amount_stage not null,  -- announced, committed and deployed money stay apart
    backers varchar,
    focus varchar,
    launched_year integer,
    claim_type claim_type not null,
    event_nature event_nature not null,
    note varchar
);

create table raw.conferences (
    conference_id varchar primary key,
    jurisdiction varchar not null references raw.jurisdictions (jurisdiction),
    topic varchar not null references raw.topics (topic),
    name varchar not null,
    edition varchar,
    location varchar,
    start_date date,
    end_date date,
    observed_on date,                 -- a day the source shows the event in session, when start/end are unknown
    year integer not null,
    claim_type claim_type not null,
    event_nature event_nature not null,
    note varchar
);

create table raw.partnerships (
    partnership_id varchar primary key,
    jurisdiction varchar not null references raw.jurisdictions (jurisdiction),
    topic varchar not null references raw.topics (topic),
    organization varchar not null,
    counterpart varchar not null,
    people varchar,                   -- people named, separated by "; "
    kind varchar not null,
    statement varchar not null,
    year integer not null,
    event_date date,
    date_precision date_precision,
    claim_type claim_type not null,
    event_nature event_nature not null,
    note varchar
);

create table raw.governance (
    governance_id varchar primary key,
    jurisdiction varchar not null references raw.jurisdictions (jurisdiction),
    topic varchar not null references raw.topics (topic),
    kind varchar not null,
    statement varchar not null,
    year integer,                     -- empty when the sources do not date the step
    claim_type claim_type not null,
    event_nature event_nature not null,
    note varchar
);

create table raw.actors (
    actor_id varchar primary key,
    jurisdiction varchar not null references raw.jurisdictions (jurisdiction),
    topic varchar not null references raw.topics (topic),
    name varchar not null,
    actor_type actor_type not null,
    role varchar,
    affiliation varchar,
    claim_type claim_type not null,
    note varchar
);

-- evidence and reported values ------------------------------------------------------------------
create table raw.evidence (
    record_id varchar not null,
    source_id varchar not null references raw.sources (source_id),
    quote varchar not null
);

-- Conversions a source itself reports beside an amount (its dollar figure for a yuan amount).
-- Several sources may convert the same amount differently: all are kept, one is preferred.
create table raw.reported_conversions (
    record_id varchar not null,
    source_id varchar not null references raw.sources (source_id),
    value double not null,
    unit varchar not null references raw.units (unit),
    preferred boolean not null,
    reason varchar
);
