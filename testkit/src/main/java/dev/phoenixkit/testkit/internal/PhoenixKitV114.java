package dev.phoenixkit.testkit.internal;

/**
 * PhoenixKit's V114 up statement ({@code v114.ex} before the squash): every composite-key integration row moves to
 * {@code key = uuid::text}, {@code module = 'integrations'}, provider and name in {@code value_json}. One copy for
 * the fixtures and the uuid-key template database.
 */
public final class PhoenixKitV114 {
    private static final String UP = """
            UPDATE %1$sphoenix_kit_settings AS s
               SET key = s.uuid::text,
                   module = 'integrations',
                   value_json = COALESCE(s.value_json, '{}'::jsonb)
                                || jsonb_build_object(
                                     'provider', COALESCE(NULLIF(s.value_json->>'provider',''),
                                                          split_part(substring(s.key from 13), ':', 1)),
                                     'name',     COALESCE(NULLIF(s.value_json->>'name',''),
                                                          NULLIF(split_part(substring(s.key from 13), ':', 2),''),
                                                          'default'))
             WHERE s.key LIKE 'integration:%%'
            """;

    private PhoenixKitV114() {}

    /**
     * @param qualifiedPrefix the quoted schema and a dot ({@code "<schema>".}), or {@code public.}
     * @return the statement for that schema
     */
    public static String up(String qualifiedPrefix) {
        return UP.formatted(qualifiedPrefix);
    }
}
