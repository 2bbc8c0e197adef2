-- PhoenixKit V03: the settings table.
-- date_added/date_updated are created as timestamptz directly: PhoenixKit created them as
-- utc_datetime_usec and V58 (not shipped here) converted them to timestamptz; the end state is identical.
CREATE TABLE IF NOT EXISTS ${schema}.phoenix_kit_settings (
  id bigserial PRIMARY KEY,
  key varchar(255) NOT NULL,
  value varchar(255) NOT NULL,
  date_added timestamptz NOT NULL DEFAULT now(),
  date_updated timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS phoenix_kit_settings_key_uidx ON ${schema}.phoenix_kit_settings (key);

INSERT INTO ${schema}.phoenix_kit_settings (key, value, date_added, date_updated)
VALUES ('time_zone', '0', now(), now()),
       ('date_format', 'Y-m-d', now(), now()),
       ('time_format', 'H:i', now(), now())
ON CONFLICT (key) DO NOTHING;

COMMENT ON TABLE ${schema}.phoenix_kit IS '3';
