-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.0), written once
-- in SQL that runs on H2 and PostgreSQL. A publication is stored in the transaction that publishes the event and
-- completed when its listener finishes, so an event whose listener has not run survives a stop and is re-run at start.
CREATE TABLE event_publication (
    id                     UUID           NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)   NOT NULL,
    event_type             VARCHAR(512)   NOT NULL,
    serialized_event       VARCHAR(100000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id);
