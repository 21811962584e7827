-- int_source_summary(cells): the distinct sources in a list of source_ids cells ("S002; S003"),
-- as "S002; S003", or the first five and how many more: a caption stays short at any size.
create or replace macro int_source_summary(cells) as (
    with ids as (select list_sort(list_distinct(flatten(list_transform(cells, lambda c: string_split(c, '; '))))) as ids)
    select array_to_string(ids[1:5], '; ')
           || case when len(ids) > 5 then printf(' and %d more', len(ids) - 5) else '' end
    from ids
)
