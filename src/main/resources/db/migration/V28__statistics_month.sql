-- The six figures per month (its first day), township, station and deputy (0: all of the
-- station's): the sums of the month's stat_day rows, kept with them by the statistics
-- module's listener and checked by its reconciliation, so that a summary or a trend over
-- whole months reads a row per station and month instead of a row per day.
create table stat_month (
    month_start  date    not null,
    township_id  bigint  not null,
    station_id   bigint  not null,
    deputy_id    bigint  not null,
    activities   integer not null,
    constituents integer not null,
    households   integer not null,
    opinions     integer not null,
    resolved     integer not null,
    converted    integer not null,
    primary key (month_start, township_id, station_id, deputy_id)
);
create index stat_month_deputy_idx on stat_month (deputy_id, month_start);
create index stat_month_station_idx on stat_month (station_id, month_start);

-- the days counted so far
insert into stat_month (month_start, township_id, station_id, deputy_id, activities, constituents, households,
    opinions, resolved, converted)
select cast(date_trunc('month', stat_day) as date), township_id, station_id, deputy_id, sum(activities),
       sum(constituents), sum(households), sum(opinions), sum(resolved), sum(converted)
from stat_day
group by cast(date_trunc('month', stat_day) as date), township_id, station_id, deputy_id;
