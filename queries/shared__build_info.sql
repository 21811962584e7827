-- One row: when the database was built and how many quotes were checked against their sources.
select built_at, quotes_checked, (select count(*) from records) as record_count,
       (select count(*) from sources) as source_count from build_info
