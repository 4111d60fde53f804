-- The proposals an opinion became (群众意见转为代表建议): written by the opinion module when
-- it hears of a submitted proposal (opinion.ProposalLink), read by its records and by the
-- statistics of converted opinions.
create table opinion_proposal_link (
    opinion_id  bigint not null references opinion (id),
    proposal_id bigint not null,
    linked_at   timestamp with time zone not null,
    primary key (opinion_id, proposal_id)
);

create index opinion_proposal_link_proposal_idx on opinion_proposal_link (proposal_id);
