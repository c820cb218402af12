package news.pipeline.url;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The maintained list of query parameters that track a visit (campaign, click id, referrer,
 * mailing) and never select the article. Names are matched case-insensitively. A parameter that
 * might select content on some site ({@code id}, {@code p}, {@code page}, {@code cid}, {@code
 * source}, {@code s}) is left out on purpose: keeping a tracking parameter costs a missed URL
 * match that the title and body signals can still make, while dropping a selecting one merges
 * two articles.
 */
final class TrackingParameters {

  /** Whole names. Grouped by origin; add new ones to the matching line. */
  private static final Set<String> NAMES =
      Set.of(
          // ad click ids: Google, DoubleClick, Microsoft, Yandex, Twitter, TikTok, LinkedIn
          "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
          "li_fat_id", "tblci", "irclickid", "irgwc", "epik", "rb_clickid",
          // Facebook and Instagram
          "fbclid", "igshid", "igsh", "fb_action_ids", "fb_action_types", "fb_source", "fb_ref",
          "action_object_map", "action_type_map", "action_ref_map",
          // Google Analytics cross-domain linking
          "_ga", "_gl", "_gac",
          // Mailchimp, HubSpot, Marketo
          "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking",
          "mkt_tok",
          // publishers' campaign ids: MSN/Yahoo, Guardian, NYT, Condé Nast, CNN, AT Internet
          "ncid", "ocid", "cmpid", "cmp", "intcmp", "icid", "smid", "smtyp", "sr_share", "emc",
          "mbid", "cndid", "xtor", "ito", "soc_src", "soc_trk", "guccounter", "guce_referrer",
          "guce_referrer_sig", "wt.mc_id", "s_cid", "s_kwcid", "trk", "trkcampaign",
          // referrers and sharing
          "ref", "ref_src", "ref_url", "referrer", "referer", "__twitter_impression",
          "_branch_match_id", "_branch_referrer", "oborigurl", "spm");

  /** Name prefixes: whole families of campaign parameters. */
  private static final List<String> PREFIXES =
      List.of(
          "utm_", // Google Analytics campaigns
          "pk_", "mtm_", "piwik_", "matomo_", // Matomo / Piwik campaigns
          "ns_", // comScore (BBC links)
          "hsa_", // HubSpot ads
          "oly_", // Omeda
          "vero_", // Vero mailings
          "itm_", // internal campaign tracking
          "at_", // AT Internet / Piano
          "wt."); // Webtrends

  private TrackingParameters() {}

  /** Whether a query parameter only tracks the visit. */
  static boolean isTracking(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (NAMES.contains(n)) {
      return true;
    }
    for (String prefix : PREFIXES) {
      if (n.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
