#!/usr/bin/env python3
"""Writes the sample portal's pages that are not report articles: home pages, columns, lists,
news items, robots.txt. The report articles and their attachments come from render.py.

Run by tools/make-sample-reports; usage: portal_pages.py <resource root>.
Cross-host links are written as on the real sites (http://www.hulan.gov.cn/…); SamplePortal gives
them its port when it serves them. Behaviours (redirect, 503, servlet…) live in SamplePortal, not here.
"""
import sys
from pathlib import Path
from urllib.parse import quote

from render import E, portal_page


def li(href, text, date):
    return f'<li><a href="{E(href)}" target="_blank" title="{E(text)}">{E(text)}</a><span class="date">{date}</span></li>'


def column(title, items, trailer=""):
    return f'<div class="column"><h2>{E(title)}</h2>\n<ul class="list">\n' + "\n".join(items) + f"\n</ul>{trailer}</div>"


def trs_list(title, items):
    """A TRS WCM list page: the pager is written by script, the later pages are in no <a> tag."""
    return column(title, items, '\n<div class="page"><script>createPageHTML(1, 0, "index", "html");</script></div>')


def hanweb_list(title, column_id, unit_id, webname, items):
    """A Hanweb (大汉) list page: the first page of records sits in a <script type="text/xml"> datastore."""
    records = "\n".join(f"<record><![CDATA[\n{i}\n]]></record>" for i in items)
    proxy = (f"/module/web/jpage/dataproxy.jsp?page=1&amp;appid=1&amp;webid=1&amp;path=/&amp;columnid={column_id}"
             f"&amp;unitid={unit_id}&amp;webname={quote(webname)}&amp;permissiontype=0")
    return f"""<div class="column"><h2>{E(title)}</h2>
<div id="{unit_id}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="{proxy}"></a>]]></nextgroup>
<recordset>
{records}
</recordset>
</datastore></script></div></div>"""


def news(title, date, source, paragraphs):
    body = "\n".join(f"<p>{E(p)}</p>" for p in paragraphs)
    return (f'<h1>{E(title)}</h1>\n<div class="info">发布时间：{date}　来源：{E(source)}</div>\n'
            f'<div class="TRS_Editor">\n{body}\n</div>')


def news_meta(column, title, date, source):
    return {"ColumnName": column, "ColumnType": "新闻", "ArticleTitle": title, "PubDate": date, "ContentSource": source}


PAGES = {}


def page(host, path, charset, title, meta, main):
    PAGES[(host, path)] = portal_page(host, charset, title, meta, main).encode(charset)


def text(host, path, content):
    PAGES[(host, path)] = content.encode("ascii")


# ---- www.harbin.gov.cn (TRS WCM) ----------------------------------------------------------------
H = "www.harbin.gov.cn"
text(H, "/robots.txt", "User-agent: *\nDisallow: /zwgk/preview/\n")
page(H, "/index.html", "UTF-8", "首页", {"ColumnName": "首页", "ColumnType": "首页"}, "\n".join([
    column("今日关注", [
        li("/xwzx/jrrd/202111/t20211118_1302254.html", "市政府门户网站完成IPv6改造", "2021-11-18"),
    ]),
    column("政务公开", [
        li("/zwgk/", "政府信息公开目录", ""),
        li("/zwgk/zfxxgknb/index.html", "政府信息公开年报", ""),
    ]),
    column("区县（市）政府网站", [
        li("http://ngqxxgk.harbin.gov.cn/", "南岗区政府信息公开", ""),
        li("http://www.hulan.gov.cn/", "呼兰区人民政府", ""),
    ]),
    column("友情链接", [
        li("http://www.suifenhe.gov.cn/", "绥芬河市人民政府", ""),
    ]),
]))
page(H, "/zwgk/index.html", "UTF-8", "政府信息公开目录",
     {"ColumnName": "政府信息公开目录", "ColumnType": "政府信息公开"},
     column("政府信息公开目录", [
         li("/zwgk/xxgkzn/index.html", "政府信息公开指南", ""),
         li("/zwgk/zfxxgknb/index.html", "政府信息公开年报", ""),
     ]))
page(H, "/zwgk/zfxxgknb/index.html", "UTF-8", "政府信息公开年报",
     {"ColumnName": "政府信息公开年报", "ColumnType": "政府信息公开年报"}, "\n".join([
         column("市本级政府信息公开年报专栏", [li("/zwgk/zfxxgknb/sbj/index.html", "市本级政府信息公开年报专栏", "")]),
         column("区、县（市）政府信息公开年度报告", [
             li("http://www.hulan.gov.cn/hebhlq/2023/zfxxgklby_zc.shtml", "呼兰区政府信息公开年报", ""),
             li("http://ngqxxgk.harbin.gov.cn/col/col126585/index.html", "南岗区政府信息公开年报", ""),
         ]),
         column("市政府部门", [li("/zwgk/zfxxgknb/szfbm/index.html", "市政府部门政府信息公开年报", "")]),
         column("年报编制", [li("/zwgk/preview/t20220325_nbyl.html", "2021年度报告（送审预览）", "2022-03-25")]),
     ]))
page(H, "/zwgk/zfxxgknb/sbj/index.html", "UTF-8", "市本级政府信息公开年报专栏",
     {"ColumnName": "市本级政府信息公开年报专栏", "ColumnType": "政府信息公开年报"},
     trs_list("市本级政府信息公开年报专栏", [
         li("./202203/t20220330_1316457.html", "哈尔滨市2021年政府信息公开工作报告", "2022-03-30"),
     ]))
page(H, "/zwgk/zfxxgknb/szfbm/index.html", "UTF-8", "市政府部门",
     {"ColumnName": "市政府部门", "ColumnType": "政府信息公开年报"},
     trs_list("市政府部门", [
         li("./202001/t20200121_1021843.html", "哈尔滨市营商环境建设监督局2019年政府信息公开工作年度报告", "2020-01-21"),
     ]))
page(H, "/zwgk/preview/t20220325_nbyl.html", "UTF-8", "2021年度报告（送审预览）",
     {"ColumnName": "年报编制", "ColumnType": "内部预览"},
     "<h1>2021年度报告（送审预览）</h1>\n<p>本页面仅供内部审核使用，正式版本以政府信息公开年报专栏发布为准。</p>")
page(H, "/xwzx/jrrd/202111/t20211118_1302254.html", "UTF-8", "市政府门户网站完成IPv6改造",
     news_meta("今日关注", "市政府门户网站完成IPv6改造", "2021-11-18 09:30", "哈尔滨市政务公开办公室"),
     news("市政府门户网站完成IPv6改造", "2021-11-18 09:30", "哈尔滨市政务公开办公室", [
         "完成政府网站IPV6改造，保障政府网站安全、高效、规范运行。",
         "加强“百姓谈”栏目管理，积极推进政民互动，提升政府公信力。",
     ]))

# ---- www.hulan.gov.cn (static .shtml, GBK) -------------------------------------------------------
U = "www.hulan.gov.cn"
text(U, "/robots.txt", "User-agent: *\nCrawl-delay: 1\nDisallow:\n")
page(U, "/index.html", "GBK", "首页", {"ColumnName": "首页", "ColumnType": "首页"}, "\n".join([
    column("呼兰要闻", [li("/hebhlq/c106447/202312/c01_186921.shtml", "呼兰区组织政务公开工作专题培训", "2023-12-15")]),
    column("政务公开", [li("/hebhlq/2023/zfxxgklby_zc.shtml", "政府信息公开年报", "")]),
    column("相关链接", [li("http://www.harbin.gov.cn/", "哈尔滨市人民政府", "")]),
]))
page(U, "/hebhlq/2023/zfxxgklby_zc.shtml", "GBK", "政府信息公开年报",
     {"ColumnName": "政府信息公开年报", "ColumnType": "政府信息公开年报"},
     column("政府信息公开年报", [
         li("/hebhlq/c106450/202401/c01_187532.shtml", "呼兰区2023年政府信息公开工作年度报告", "2024-01-26"),
     ]))
page(U, "/hebhlq/c106447/202312/c01_186921.shtml", "GBK", "呼兰区组织政务公开工作专题培训",
     news_meta("呼兰要闻", "呼兰区组织政务公开工作专题培训", "2023-12-15 14:20", "呼兰区人民政府办公室"),
     news("呼兰区组织政务公开工作专题培训", "2023-12-15 14:20", "呼兰区人民政府办公室", [
         "强化工作培训，2023年，组织全区范围工作专题培训2次，不断提升政务公开工作队伍综合素质和业务能力。",
     ]))

# ---- www.suifenhe.gov.cn (Hanweb) ----------------------------------------------------------------
S = "www.suifenhe.gov.cn"
text(S, "/robots.txt", "User-agent: *\nAllow: /\n")
page(S, "/index.html", "UTF-8", "首页", {"ColumnName": "首页", "ColumnType": "首页"}, "\n".join([
    column("绥芬河要闻", [li("/art/2021/12/6/art_5401_159870.html", "我市政府门户网站支持互联网协议第六版", "2021-12-06")]),
    column("政府信息公开", [li("/col/col5396/index.html", "政府信息公开年报", "")]),
]))
page(S, "/col/col5396/index.html", "UTF-8", "政府信息公开年报",
     {"ColumnName": "政府信息公开年报", "ColumnType": "政府信息公开年报"},
     hanweb_list("政府信息公开年报", 5396, 21788, "绥芬河市人民政府", [
         li("/art/2022/1/20/art_5396_160245.html", "绥芬河市人民政府2021年政府信息公开工作年度报告", "2022-01-20"),
     ]))
page(S, "/art/2021/12/6/art_5401_159870.html", "UTF-8", "我市政府门户网站支持互联网协议第六版",
     news_meta("绥芬河要闻", "我市政府门户网站支持互联网协议第六版", "2021-12-06 10:00", "绥芬河市人民政府办公室"),
     news("我市政府门户网站支持互联网协议第六版", "2021-12-06 10:00", "绥芬河市人民政府办公室", [
         "政府信息公开专栏与上级部门建立互链、政府门户网站支持互联网协议第六版。",
     ]))

# ---- ngqxxgk.harbin.gov.cn (Hanweb) --------------------------------------------------------------
N = "ngqxxgk.harbin.gov.cn"
text(N, "/robots.txt", "User-agent: *\nDisallow: /module/jslib/\n")
page(N, "/index.html", "UTF-8", "首页", {"ColumnName": "首页", "ColumnType": "首页"}, "\n".join([
    column("政府信息公开", [li("/col/col126585/index.html", "政府信息公开年报", "")]),
    column("相关链接", [li("http://www.harbin.gov.cn/", "“中国·哈尔滨”市政府门户网", "")]),
]))
page(N, "/col/col126585/index.html", "UTF-8", "政府信息公开年报",
     {"ColumnName": "政府信息公开年报", "ColumnType": "政府信息公开年报"},
     hanweb_list("政府信息公开年报", 126585, 436592, "哈尔滨市南岗区人民政府", [
         li("/art/2022/1/25/art_126585_1156238.html", "南岗区城管局2021年政府信息公开工作年度报告", "2022-01-25"),
     ]))


if __name__ == "__main__":
    root = Path(sys.argv[1])
    for (host, path), body in PAGES.items():
        target = root / (host + path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        print(f"{host}{path}")
