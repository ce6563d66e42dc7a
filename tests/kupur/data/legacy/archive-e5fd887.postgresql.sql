-- Kupür archive and digest ledger as made by commit e5fd887 (before schema migrations), with rows,
-- dumped from PostgreSQL 15; see README.md here. Schema names removed: load it under any search_path.

--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: kupur_legacy; Type: SCHEMA; Schema: -; Owner: -
--



SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alert_seen; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE alert_seen (
    subscription character varying(200) NOT NULL,
    search character varying(200) NOT NULL,
    article_id character varying(16) NOT NULL,
    seen_at timestamp with time zone NOT NULL
);


--
-- Name: alert_state; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE alert_state (
    subscription character varying(200) NOT NULL,
    search character varying(200) NOT NULL,
    checked_at timestamp with time zone NOT NULL,
    last_spike_day date
);


--
-- Name: articles; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE articles (
    id character varying(16) NOT NULL,
    url text NOT NULL,
    canonical_url text NOT NULL,
    source character varying(200) NOT NULL,
    title text NOT NULL,
    text text NOT NULL,
    published_at timestamp with time zone,
    updated_at timestamp with time zone,
    fetched_at timestamp with time zone NOT NULL,
    language character varying(8) NOT NULL,
    author text,
    content_hash character varying(40) NOT NULL,
    entities text,
    embedding bytea,
    story_id character varying(64),
    enriched_at timestamp with time zone,
    indexed_at timestamp with time zone,
    version integer NOT NULL
);


--
-- Name: crawl_runs; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE crawl_runs (
    id integer NOT NULL,
    source character varying(200) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    status character varying(20) NOT NULL,
    stats text NOT NULL
);


--
-- Name: crawl_runs_id_seq; Type: SEQUENCE; Schema: kupur_legacy; Owner: -
--

CREATE SEQUENCE crawl_runs_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: crawl_runs_id_seq; Type: SEQUENCE OWNED BY; Schema: kupur_legacy; Owner: -
--

ALTER SEQUENCE crawl_runs_id_seq OWNED BY crawl_runs.id;


--
-- Name: digest_sends; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE digest_sends (
    id integer NOT NULL,
    subscription character varying(200) NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    status character varying(20) NOT NULL,
    attempts integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    message_id text,
    error text NOT NULL
);


--
-- Name: digest_sends_id_seq; Type: SEQUENCE; Schema: kupur_legacy; Owner: -
--

CREATE SEQUENCE digest_sends_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: digest_sends_id_seq; Type: SEQUENCE OWNED BY; Schema: kupur_legacy; Owner: -
--

ALTER SEQUENCE digest_sends_id_seq OWNED BY digest_sends.id;


--
-- Name: http_validators; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE http_validators (
    url character varying(2000) NOT NULL,
    etag text,
    last_modified text,
    checked_at timestamp with time zone NOT NULL
);


--
-- Name: raw_pages; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE raw_pages (
    article_id character varying(16) NOT NULL,
    url text NOT NULL,
    encoding character varying(40),
    html bytea NOT NULL,
    fetched_at timestamp with time zone NOT NULL
);


--
-- Name: rejections; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE rejections (
    url character varying(2000) NOT NULL,
    source character varying(200) NOT NULL,
    reason character varying(100) NOT NULL,
    detail text NOT NULL,
    at timestamp with time zone NOT NULL
);


--
-- Name: scheduler_jobs; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE scheduler_jobs (
    id character varying(191) NOT NULL,
    next_run_time double precision,
    job_state bytea NOT NULL
);


--
-- Name: url_aliases; Type: TABLE; Schema: kupur_legacy; Owner: -
--

CREATE TABLE url_aliases (
    url character varying(2000) NOT NULL,
    article_id character varying(16) NOT NULL
);


--
-- Name: crawl_runs id; Type: DEFAULT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY crawl_runs ALTER COLUMN id SET DEFAULT nextval('crawl_runs_id_seq'::regclass);


--
-- Name: digest_sends id; Type: DEFAULT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY digest_sends ALTER COLUMN id SET DEFAULT nextval('digest_sends_id_seq'::regclass);


--
-- Data for Name: alert_seen; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO alert_seen VALUES ('samsun-haftalik', 'Samsun', '0c983470a7b71fe9', '2026-12-02 09:54:57.897853+00');
INSERT INTO alert_seen VALUES ('samsun-haftalik', 'Samsun', '94ef11c6964ef7a7', '2026-12-02 09:54:57.897853+00');


--
-- Data for Name: alert_state; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO alert_state VALUES ('samsun-haftalik', 'Samsun', '2026-12-02 09:54:57.894366+00', '2025-11-12');


--
-- Data for Name: articles; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO articles VALUES ('445e8c68c818a72f', 'https://www.aile.gov.tr/haberler/aile-destek-programi/', 'https://www.aile.gov.tr/haberler/aile-destek-programi/', 'bakanlik', 'Aile Destek Programı Genişliyor', 'Bakan Göktaş, Aile Destek Programı''nın 81 ile yayıldığını açıkladı.', NULL, NULL, '2026-12-02 09:54:57.802169+00', 'tr', NULL, 'b241ba1d5b5246d8d6f258e1915ebf87886894be', NULL, NULL, NULL, NULL, NULL, 1);
INSERT INTO articles VALUES ('0c983470a7b71fe9', 'https://www.ordugazete.example/ordu-haberleri/yasli-bakim-merkezi-acildi-4411?utm_source=x', 'https://www.ordugazete.example/ordu-haberleri/yasli-bakim-merkezi-acildi-4411', 'ordu-gazete', 'YAŞLI BAKIM MERKEZİ AÇILDI', 'Ordu''da 120 kişilik yaşlı bakım merkezi açıldı. Vali açılışta konuştu. Merkez 1 Aralık''ta hizmete girecek.', '2025-11-12 06:00:00+00', NULL, '2026-12-02 09:54:57.829463+00', 'tr', NULL, '89cfd7058be8a316cc2130eb94ff53d7879053e3', NULL, NULL, NULL, NULL, NULL, 2);
INSERT INTO articles VALUES ('94ef11c6964ef7a7', 'https://samsun.aile.gov.tr/haberler/mobil-ekipler-149-koyu-ziyaret-etti/', 'https://samsun.aile.gov.tr/haberler/mobil-ekipler-149-koyu-ziyaret-etti/', 'samsun-il', 'Mobil Ekipler 149 Köyü Ziyaret Etti', 'Samsun''da Aile ve Sosyal Hizmetler İl Müdürlüğü mobil ekipleri 149 köyü ziyaret etti.', '2025-11-04 07:30:00+00', NULL, '2026-12-02 09:54:57.802068+00', 'tr', 'İl Müdürlüğü', 'db8d89ddf0277b1655dfd3ba34e969485bb31253', '{"provinces": [{"name": "Samsun", "plate": 55}], "districts": [], "people": [{"name": "Ayşe Yılmaz", "title": "İl Müdürü", "role": null}], "organizations": [], "projects": [], "dates": [], "figures": [], "mentions": []}', '\x0000803e000000bf0000003e', '94ef11c6964ef7a7', '2026-12-02 09:54:57.836351+00', '2026-12-02 09:54:57.83976+00', 1);


--
-- Data for Name: crawl_runs; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO crawl_runs VALUES (1, 'samsun-il', '2026-12-02 09:54:57.850524+00', '2026-12-02 09:54:57.853624+00', 'finished', '{"fetched": 3, "new": 2}');
INSERT INTO crawl_runs VALUES (2, 'ordu-gazete', '2026-12-02 09:54:57.856247+00', NULL, 'running', '{}');


--
-- Data for Name: digest_sends; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO digest_sends VALUES (1, 'samsun-haftalik', '2025-11-03', '2025-11-10', 'sent', 1, '2026-12-02 09:54:57.885258+00', '<1@kupur.example>', '');
INSERT INTO digest_sends VALUES (2, 'ordu-gunluk', '2025-11-11', '2025-11-12', 'failed', 1, '2026-12-02 09:54:57.890872+00', NULL, '451 sonra deneyin');


--
-- Data for Name: http_validators; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO http_validators VALUES ('https://samsun.aile.gov.tr/haberler/mobil-ekipler-149-koyu-ziyaret-etti/', '"abc123"', 'Tue, 04 Nov 2025 07:30:00 GMT', '2026-12-02 09:54:57.859549+00');


--
-- Data for Name: raw_pages; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO raw_pages VALUES ('94ef11c6964ef7a7', 'https://samsun.aile.gov.tr/haberler/mobil-ekipler-149-koyu-ziyaret-etti/', 'utf-8', '\x789cb3c928c9cdb1b3c930b4f3cd4fcacc5170cdce2cc8492db2d1078a1cd97078796a51663690035204005770104b', '2026-12-02 09:54:57.802068+00');
INSERT INTO raw_pages VALUES ('0c983470a7b71fe9', 'https://www.ordugazete.example/ordu-haberleri/yasli-bakim-merkezi-acildi-4411?utm_source=x', 'windows-1254', '\x789cb3c928c9cdb18b4c3c3a3fe7c84685a4c4ec231b736df4c18200a6270bbd', '2026-12-02 09:54:57.802162+00');


--
-- Data for Name: rejections; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO rejections VALUES ('https://www.aile.gov.tr/iletisim/', 'bakanlik', 'not-an-article', 'no date, no body', '2026-12-02 09:54:57.847787+00');


--
-- Data for Name: scheduler_jobs; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO scheduler_jobs VALUES ('pipeline', 1796226897.910925, '\x800595e5010000000000007d94288c0776657273696f6e944b018c026964948c08706970656c696e65948c0466756e63948c126b757075722e617263686976653a5f6e6f77948c0774726967676572948c1d61707363686564756c65722e74726967676572732e696e74657276616c948c0f496e74657276616c547269676765729493942981947d942868014b028c0874696d657a6f6e65948c086275696c74696e73948c07676574617474729493948c087a6f6e65696e666f948c085a6f6e65496e666f9493948c095f756e7069636b6c6594869452948c074574632f555443944b01869452948c0a73746172745f64617465948c086461746574696d65948c086461746574696d65949394430a07ea0c020f36390de64d946818869452948c08656e645f64617465944e8c08696e74657276616c94681a8c0974696d6564656c74619493944b004d60544b00879452948c066a6974746572944e75628c086578656375746f72948c0764656661756c74948c046172677394298c066b7761726773947d948c046e616d65948c045f6e6f77948c126d6973666972655f67726163655f74696d65944b018c08636f616c6573636594888c0d6d61785f696e7374616e636573944b018c0d6e6578745f72756e5f74696d6594681c430a07ea0c020f36390de64d94681886945294752e');


--
-- Data for Name: url_aliases; Type: TABLE DATA; Schema: kupur_legacy; Owner: -
--

INSERT INTO url_aliases VALUES ('https://samsun.aile.gov.tr/haberler/mobil-ekipler-149-koyu-ziyaret-etti/', '94ef11c6964ef7a7');
INSERT INTO url_aliases VALUES ('https://www.ordugazete.example/ordu-haberleri/yasli-bakim-merkezi-acildi-4411', '0c983470a7b71fe9');
INSERT INTO url_aliases VALUES ('https://www.ordugazete.example/ordu-haberleri/yasli-bakim-merkezi-acildi-4411?utm_source=x', '0c983470a7b71fe9');
INSERT INTO url_aliases VALUES ('https://www.aile.gov.tr/haberler/aile-destek-programi/', '445e8c68c818a72f');


--
-- Name: crawl_runs_id_seq; Type: SEQUENCE SET; Schema: kupur_legacy; Owner: -
--

SELECT pg_catalog.setval('crawl_runs_id_seq', 2, true);


--
-- Name: digest_sends_id_seq; Type: SEQUENCE SET; Schema: kupur_legacy; Owner: -
--

SELECT pg_catalog.setval('digest_sends_id_seq', 2, true);


--
-- Name: alert_seen alert_seen_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY alert_seen
    ADD CONSTRAINT alert_seen_pkey PRIMARY KEY (subscription, search, article_id);


--
-- Name: alert_state alert_state_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY alert_state
    ADD CONSTRAINT alert_state_pkey PRIMARY KEY (subscription, search);


--
-- Name: articles articles_canonical_url_key; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY articles
    ADD CONSTRAINT articles_canonical_url_key UNIQUE (canonical_url);


--
-- Name: articles articles_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY articles
    ADD CONSTRAINT articles_pkey PRIMARY KEY (id);


--
-- Name: crawl_runs crawl_runs_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY crawl_runs
    ADD CONSTRAINT crawl_runs_pkey PRIMARY KEY (id);


--
-- Name: digest_sends digest_sends_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY digest_sends
    ADD CONSTRAINT digest_sends_pkey PRIMARY KEY (id);


--
-- Name: http_validators http_validators_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY http_validators
    ADD CONSTRAINT http_validators_pkey PRIMARY KEY (url);


--
-- Name: raw_pages raw_pages_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY raw_pages
    ADD CONSTRAINT raw_pages_pkey PRIMARY KEY (article_id);


--
-- Name: rejections rejections_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY rejections
    ADD CONSTRAINT rejections_pkey PRIMARY KEY (url);


--
-- Name: scheduler_jobs scheduler_jobs_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY scheduler_jobs
    ADD CONSTRAINT scheduler_jobs_pkey PRIMARY KEY (id);


--
-- Name: digest_sends uq_digest_sends_period; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY digest_sends
    ADD CONSTRAINT uq_digest_sends_period UNIQUE (subscription, period_end);


--
-- Name: url_aliases url_aliases_pkey; Type: CONSTRAINT; Schema: kupur_legacy; Owner: -
--

ALTER TABLE ONLY url_aliases
    ADD CONSTRAINT url_aliases_pkey PRIMARY KEY (url);


--
-- Name: ix_articles_enriched_at; Type: INDEX; Schema: kupur_legacy; Owner: -
--

CREATE INDEX ix_articles_enriched_at ON articles USING btree (enriched_at);


--
-- Name: ix_articles_indexed_at; Type: INDEX; Schema: kupur_legacy; Owner: -
--

CREATE INDEX ix_articles_indexed_at ON articles USING btree (indexed_at);


--
-- Name: ix_articles_published_at; Type: INDEX; Schema: kupur_legacy; Owner: -
--

CREATE INDEX ix_articles_published_at ON articles USING btree (published_at);


--
-- Name: ix_articles_source; Type: INDEX; Schema: kupur_legacy; Owner: -
--

CREATE INDEX ix_articles_source ON articles USING btree (source);


--
-- Name: ix_articles_story_id; Type: INDEX; Schema: kupur_legacy; Owner: -
--

CREATE INDEX ix_articles_story_id ON articles USING btree (story_id);


--
-- Name: ix_crawl_runs_source; Type: INDEX; Schema: kupur_legacy; Owner: -
--

CREATE INDEX ix_crawl_runs_source ON crawl_runs USING btree (source);


--
-- Name: ix_rejections_source; Type: INDEX; Schema: kupur_legacy; Owner: -
--

CREATE INDEX ix_rejections_source ON rejections USING btree (source);


--
-- Name: ix_scheduler_jobs_next_run_time; Type: INDEX; Schema: kupur_legacy; Owner: -
--

CREATE INDEX ix_scheduler_jobs_next_run_time ON scheduler_jobs USING btree (next_run_time);


--
-- Name: ix_url_aliases_article_id; Type: INDEX; Schema: kupur_legacy; Owner: -
--

CREATE INDEX ix_url_aliases_article_id ON url_aliases USING btree (article_id);


--
-- PostgreSQL database dump complete
--


