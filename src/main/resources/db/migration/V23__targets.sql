-- Township target-management assessment (目标管理考核): the county's scoring rules (an
-- indicator measured by another module, or a manual item the county scores with evidence),
-- the grade marks, and the manual scores of a year. Measured scores are computed whenever
-- they are asked for. Works on H2 (PostgreSQL mode) and PostgreSQL.

create table target_rule (
    code       varchar(40)   not null primary key,
    name       varchar(200)  not null,
    indicator  varchar(40),
    max_points numeric(6,1)  not null,
    target     numeric(12,4) not null,
    position   integer       not null,
    active     boolean       not null default true,
    version    integer       not null default 0
);

create table target_marks (
    id             integer      not null primary key,
    excellent_mark numeric(5,1) not null,
    pass_mark      numeric(5,1) not null,
    version        integer      not null default 0,
    constraint target_marks_one check (id = 1)
);

create table target_manual_score (
    target_year integer       not null,
    township_id bigint        not null,
    rule_code   varchar(40)   not null references target_rule (code),
    points      numeric(6,1)  not null,
    evidence    varchar(2000) not null,
    scored_by   varchar(64)   not null,
    scored_at   timestamp with time zone not null,
    primary key (target_year, township_id, rule_code)
);

insert into target_marks (id, excellent_mark, pass_mark) values (1, 90, 80);

insert into target_rule (code, name, indicator, max_points, target, position) values
    ('STATIONS', '联络站规范化建设达标', 'STATIONS_UP_TO_STANDARD', 20, 1, 1),
    ('DUTY', '代表进站履职（接待日按计划开展）', 'DUTY_DAYS_HELD', 20, 1, 2),
    ('OBLIGATIONS', '代表"三个一"履职达标', 'DEPUTIES_THREE_ONES', 20, 1, 3),
    ('ON_TIME', '群众意见按期办理答复', 'OPINIONS_ON_TIME', 15, 0.95, 4),
    ('SATISFACTION', '群众对办理结果满意', 'OPINIONS_SATISFIED', 15, 0.9, 5),
    ('CONVERTED', '意见转化为代表建议', 'OPINIONS_CONVERTED', 5, 3, 6),
    ('WORK', '工作创新与特色（县人大常委会评定）', null, 5, 5, 7);
