-- method__coverage: one row per record kind and claim type: how many records the dataset holds
-- (not filtered: this describes the whole dataset).
select kind, claim_type, count(*) as records from records group by kind, claim_type order by kind, claim_type
