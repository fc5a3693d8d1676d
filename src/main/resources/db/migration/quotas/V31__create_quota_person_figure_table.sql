-- A person's quota of one measure in one fiscal month fixed by an import: it wins over the split of the person's
-- level (no ramp on top: the file gives the effective figure) until that level is allocated again.
CREATE TABLE quotas_person_figure (
    version_id BIGINT NOT NULL REFERENCES quotas_version (id),
    staff_id BIGINT NOT NULL,
    metric VARCHAR(32) NOT NULL,
    fiscal_month INT NOT NULL,
    amount NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (version_id, staff_id, metric, fiscal_month),
    CONSTRAINT ck_quotas_person_figure CHECK (fiscal_month BETWEEN 1 AND 12)
);
