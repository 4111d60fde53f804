-- The opinions' monthly rollups, so that the handling indicators and the breakdowns read a
-- row per station, month and key instead of a row per opinion: kept by the statistics
-- module's listener with the daily rollup (stat_day), checked by its reconciliation. Works on
-- H2 (PostgreSQL mode) and PostgreSQL.

-- per month (its first day), township, station and deputy (0: all of the station's): the
-- opinions received in the month (merged left out) and how they were handled, in total
-- (dimension '', key '') and per category, source and department (dimension 'CATEGORY',
-- 'SOURCE', 'DEPARTMENT'; the key the category code, the source, the department's id as
-- text, '' for none)
create table stat_opinion_month (
    month_start     date        not null,
    township_id     bigint      not null,
    station_id      bigint      not null,
    deputy_id       bigint      not null,
    dimension       varchar(12) not null,
    dim_key         varchar(40) not null,
    opinions        integer     not null,
    closed          integer     not null,
    resolved        integer     not null,
    replied         integer     not null,
    replied_in_time integer     not null,
    overdue         integer     not null,
    rated           integer     not null,
    satisfied       integer     not null,
    replied_due     integer     not null,
    converted       integer     not null,
    primary key (month_start, township_id, station_id, deputy_id, dimension, dim_key)
);
create index stat_opinion_month_read_idx on stat_opinion_month (deputy_id, dimension, month_start);
create index stat_opinion_month_station_idx on stat_opinion_month (station_id, month_start);

-- the answered opinions of the month per number of handling days, so that the average and
-- the 90th percentile come out exact
create table stat_handling_month (
    month_start   date    not null,
    township_id   bigint  not null,
    station_id    bigint  not null,
    deputy_id     bigint  not null,
    handling_days integer not null,
    opinions      integer not null,
    primary key (month_start, township_id, station_id, deputy_id, handling_days)
);
create index stat_handling_month_read_idx on stat_handling_month (deputy_id, month_start);

-- a station's month is recomputed on every change of one of its opinions
create index stat_opinion_station_idx on stat_opinion (station_id, received_on);

-- the opinions counted so far
insert into stat_opinion_month (month_start, township_id, station_id, deputy_id, dimension, dim_key, opinions,
    closed, resolved, replied, replied_in_time, overdue, rated, satisfied, replied_due, converted)
select cast(date_trunc('month', o.received_on) as date), o.township_id, o.station_id, o.deputy_key, dims.dimension,
       case dims.dimension when 'CATEGORY' then coalesce(o.category_code, '') when 'SOURCE' then o.source
            when 'DEPARTMENT' then coalesce(cast(o.department_id as varchar(20)), '') else '' end,
       count(*),
       sum(case when o.status = 'CLOSED' then 1 else 0 end),
       sum(case when o.status = 'CLOSED' and o.outcome = 'RESOLVED' then 1 else 0 end),
       sum(case when o.replied_on is not null then 1 else 0 end),
       sum(case when o.replied_on is not null and o.due_date is not null and o.replied_on <= o.due_date then 1 else 0 end),
       sum(case when o.overdue then 1 else 0 end),
       sum(case when o.satisfaction is not null then 1 else 0 end),
       sum(case when o.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end),
       sum(case when o.replied_on is not null and o.due_date is not null then 1 else 0 end),
       sum(case when o.converted then 1 else 0 end)
from (select s.*, 0 as deputy_key from stat_opinion s where s.counted
      union all
      select s.*, x.deputy_id from stat_opinion s join stat_opinion_deputy x on x.opinion_id = s.opinion_id
      where s.counted) o
cross join (values (''), ('CATEGORY'), ('SOURCE'), ('DEPARTMENT')) as dims (dimension)
group by cast(date_trunc('month', o.received_on) as date), o.township_id, o.station_id, o.deputy_key, dims.dimension,
       case dims.dimension when 'CATEGORY' then coalesce(o.category_code, '') when 'SOURCE' then o.source
            when 'DEPARTMENT' then coalesce(cast(o.department_id as varchar(20)), '') else '' end;

insert into stat_handling_month (month_start, township_id, station_id, deputy_id, handling_days, opinions)
select cast(date_trunc('month', o.received_on) as date), o.township_id, o.station_id, o.deputy_key, o.handling_days,
       count(*)
from (select s.*, 0 as deputy_key from stat_opinion s where s.counted
      union all
      select s.*, x.deputy_id from stat_opinion s join stat_opinion_deputy x on x.opinion_id = s.opinion_id
      where s.counted) o
where o.handling_days is not null
group by cast(date_trunc('month', o.received_on) as date), o.township_id, o.station_id, o.deputy_key, o.handling_days;
