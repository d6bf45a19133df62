package xxgk.archive.catalog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body a report covers, named in full. A title naming a place alone ("哈尔滨市2021年…", "南岗区2021年…") means the
 * place's 人民政府 (a 街道's 办事处); a fuller name is used only where the report or its page prints one (a 发布机构
 * "哈尔滨市南岗区人民政府办公室" names 南岗区人民政府 in full: 哈尔滨市南岗区人民政府). A title naming no one leaves
 * the publisher (a government's 办公厅 or 办公室 publishing for the government), else the site's name.
 */
final class Agency {

    /** Places that have a people's government: 省, 市, 区, 县, 旗, 乡, 镇 and their autonomous kinds. */
    private static final Pattern PLACE = Pattern.compile("(?:省|自治区|市|自治州|州|地区|盟|区|县|旗|乡|镇)$");
    /** Zones ending in 区 that are run by a 管委会, not a people's government. */
    private static final Pattern ZONE = Pattern.compile("(?:开发区|园区|片区|试验区|示范区|保税区|合作区|产业区)$");
    private static final String SUBDISTRICT = "街道";
    private static final Pattern THIS_LEVEL = Pattern.compile("本级$");
    private static final Pattern GOVERNMENT_OFFICE = Pattern.compile("(人民政府)办公[厅室]$");
    private static final Pattern SITE_SUFFIX = Pattern.compile("(?:政府信息公开|信息公开|门户网站|门户网|网站)(?:专栏|平台)?$");
    /** The places a fuller name prefixes: 黑龙江省, 哈尔滨市, 大兴安岭地区 … each two to five characters and its kind. */
    private static final String PLACES = "(?:\\p{IsHan}{2,5}?(?:省|自治区|市|自治州|州|地区|盟))+";

    private Agency() {
    }

    /**
     * @param titleAgency the agency the title names ({@link xxgk.archive.report.ReportTitle#agencyIn}); "" when none
     * @param publisher   the page's 发布机构
     * @param siteName    the page's SiteName
     * @param printed     the head of the report's text, where a full name is printed on a line of its own or leading one
     */
    static String covered(String titleAgency, Optional<String> publisher, Optional<String> siteName, String printed) {
        String named = THIS_LEVEL.matcher(titleAgency).replaceFirst("");
        if (named.isEmpty()) {
            return publisher.map(p -> GOVERNMENT_OFFICE.matcher(p).replaceFirst("$1"))
                    .or(() -> siteName.map(s -> SITE_SUFFIX.matcher(s).replaceFirst(""))).orElse("");
        }
        if (named.endsWith(SUBDISTRICT)) {
            named += "办事处";
        } else if (PLACE.matcher(named).find() && !ZONE.matcher(named).find()) {
            named += "人民政府";
        }
        return fuller(named, publisher, siteName, printed);
    }

    /** True for a people's government's own name (…人民政府), whose report is due later than its departments'. */
    static boolean isGovernment(String agency) {
        return agency.endsWith("人民政府");
    }

    private static String fuller(String named, Optional<String> publisher, Optional<String> siteName, String printed) {
        Pattern prefixed = Pattern.compile("^[\\s\\u3000]*(" + PLACES + ")" + Pattern.quote(named), Pattern.MULTILINE);
        for (String where : List.of(publisher.orElse(""), siteName.orElse(""), printed)) {
            Matcher m = prefixed.matcher(where);
            if (m.find()) {
                return m.group(1) + named;
            }
        }
        return named;
    }
}
