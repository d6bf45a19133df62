#!/usr/bin/env python3
"""Renders one sample report (tools/sample-reports/<name>.json) for the bundled sample portal.

Writes, under the portal's resource root:
  - the report's article page, in the look of its portal's CMS, at portal.article;
  - a print-layout HTML of the report (for LibreOffice) to the given work directory, named <name>.html.
The shell script tools/make-sample-reports turns that print HTML into PDF, DOCX and DOC.

Standard library only.
"""
import html
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit, parse_qs

# The look of each host: what a visitor sees around an article. Identifiers are made up for the sample.
SITES = {
    "www.harbin.gov.cn": {
        "name": "哈尔滨市人民政府", "banner": "“中国·哈尔滨”市政府门户网", "id": "2301000016",
        "icp": "黑ICP备05002426号", "host_by": "哈尔滨市人民政府办公厅",
        "nav": [["首页", "/"], ["政府信息公开", "/zwgk/"], ["政府信息公开年报", "/zwgk/zfxxgknb/index.html"]],
    },
    "www.hulan.gov.cn": {
        "name": "哈尔滨市呼兰区人民政府", "banner": "哈尔滨市呼兰区人民政府", "id": "2301110001",
        "icp": "黑ICP备12002847号", "host_by": "哈尔滨市呼兰区人民政府办公室",
        "nav": [["首页", "/"], ["政府信息公开年报", "/hebhlq/2023/zfxxgklby_zc.shtml"]],
    },
    "www.suifenhe.gov.cn": {
        "name": "绥芬河市人民政府", "banner": "绥芬河市人民政府", "id": "2310810001",
        "icp": "黑ICP备05001823号", "host_by": "绥芬河市人民政府办公室",
        "nav": [["首页", "/"], ["政府信息公开年报", "/col/col5396/index.html"]],
    },
    "ngqxxgk.harbin.gov.cn": {
        "name": "哈尔滨市南岗区人民政府信息公开", "banner": "南岗区政府信息公开", "id": "2301030003",
        "icp": "黑ICP备10201731号", "host_by": "哈尔滨市南岗区人民政府办公室",
        "nav": [["首页", "/"], ["政府信息公开年报", "/col/col126585/index.html"]],
    },
}

FORMAT_NAMES = {"pdf": "PDF", "docx": "DOCX", "doc": "DOC"}

E = html.escape


def attachment_resource(host, url_path):
    """Where an attachment's bytes live under the resource root.

    The Hanweb download servlet (/module/download/downfile.jsp?filename=X) is served by SamplePortal
    from module/download/downfile/X; every other attachment sits at its own path."""
    parts = urlsplit(url_path)
    if parts.path == "/module/download/downfile.jsp":
        return f"{host}/module/download/downfile/{parse_qs(parts.query)['filename'][0]}"
    return host + parts.path


# ---- the three tables, as the official format lays them out -------------------------------------

def table2(t):
    rows = []
    for block in t["blocks"]:
        rows.append(f'<tr><td colspan="4" class="blk">{E(block["item"])}</td></tr>')
        rows.append("<tr>" + cells(block["columns"], "th") + "</tr>")
        for row in block["rows"]:
            rows.append("<tr>" + cells([row["label"], *row["values"]], "td") + "</tr>")
    return table(t.get("caption"), "t2", rows)


def cells(values, tag):
    """A row of table 二: four columns, the last cell spans what the block leaves unused."""
    spare = 4 - len(values)
    out = [f"<{tag}>{E(v)}</{tag}>" for v in values[:-1]]
    span = f' colspan="{1 + spare}"' if spare else ""
    out.append(f"<{tag}{span}>{E(values[-1])}</{tag}>")
    return "".join(out)


def table3(t):
    head = [
        f'<tr><th rowspan="3" colspan="3">{E(t["corner"])}</th><th colspan="7">申请人情况</th></tr>',
        '<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>',
        "<tr>" + "".join(f"<th>{E(c)}</th>" for c in t["columns"][1:6]) + "</tr>",
    ]
    rows = t["rows"]
    groups = t["groups"]
    in_results = [r for r in rows if r["key"].startswith("3.")]
    body = []
    for r in rows:
        key, parts = r["key"], r["key"].split(".")
        lead = ""
        if in_results and r is in_results[0]:
            lead += f'<td rowspan="{len(in_results)}">{E(groups["3"])}</td>'
        if len(parts) == 1:
            label = f'<td colspan="3">{E(r["label"])}</td>'
        elif len(parts) == 2:
            label = f'<td colspan="2">{E(r["label"])}</td>'
        else:
            group = ".".join(parts[:2])
            members = [x for x in rows if x["key"].startswith(group + ".")]
            if members[0] is r:
                lead += f'<td rowspan="{len(members)}">{E(groups[group])}</td>'
            label = f'<td>{E(r["label"])}</td>'
        body.append("<tr>" + lead + label + "".join(f"<td>{E(v)}</td>" for v in r["values"]) + "</tr>")
    return table(t.get("caption"), "t3", head + body)


def table4(t):
    five = "".join(f"<th>{x}</th>" for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    five_tall = "".join(f'<th rowspan="2">{x}</th>' for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    rows = [
        '<tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>',
        f'<tr>{five_tall}<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>',
        f"<tr>{five}{five}</tr>",
        "<tr>" + "".join(f"<td>{E(v)}</td>" for v in t["values"]) + "</tr>",
    ]
    return table(t.get("caption"), "t4", rows)


def table(caption, cls, rows):
    cap = f"<caption>{E(caption)}</caption>" if caption else ""
    return (f'<table class="{cls}" border="1" cellspacing="0" cellpadding="4" width="100%">{cap}\n<tbody>\n'
            + "\n".join(rows) + "\n</tbody></table>")


TABLES = {"table2": table2, "table3": table3, "table4": table4}


def report_body(r):
    """The report itself: title, date, prose and tables, the same in the article page and the print copy."""
    out = ['<p class="title">' + "<br/>".join(E(x) for x in r["titleLines"]) + "</p>"]
    if r.get("publicationDateText"):
        out.append(f'<p class="date">{E(r["publicationDateText"])}</p>')
    out += [f"<p>{E(p)}</p>" for p in r["preamble"]]
    for s in r["sections"]:
        out.append(f'<p class="h"><strong>{E(s["heading"])}</strong></p>')
        out += [f"<p>{E(p)}</p>" for p in s["paragraphs"]]
        if s.get("table") in r:
            out.append(TABLES[s["table"]](r[s["table"]]))
    return "\n".join(out)


# ---- the article page, as its portal shows it -------------------------------------------------------

def article_page(r):
    p = r["portal"]
    crumbs = " &gt; ".join(f'<a href="{E(h)}">{E(t)}</a>' for t, h in p["crumbs"])
    body_open = '<div class="TRS_Editor">' if p["cms"] == "trs" else '<div id="zoom">'
    links = "\n".join(
        f'<li><a href="{E(url)}" target="_blank">{E(r["title"])}.{ext}</a></li>'
        for ext, url in p["attachments"].items())
    meta = {"ColumnName": p["column"], "ColumnType": "政府信息公开年报", "ArticleTitle": r["title"],
            "PubDate": p["pubDate"], "ContentSource": p["contentSource"],
            "Keywords": f"政府信息公开,年度报告,{r['year']}"}
    main = f"""<div class="position">当前位置：{crumbs}</div>
<table class="xxgk-meta">
<tr><td>索引号：</td><td>{E(p["indexNo"])}</td><td>主题分类：</td><td>政务公开</td></tr>
<tr><td>发布机构：</td><td>{E(p["publisher"])}</td><td>发文日期：</td><td>{p["pubDate"][:10]}</td></tr>
<tr><td>名　　称：</td><td colspan="3">{E(r["title"])}</td></tr>
</table>
<h1>{E(r["title"])}</h1>
<div class="info">发布时间：{E(p["pubDate"])}　来源：{E(p["contentSource"])}　【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</div>
{body_open}
{report_body(r)}
</div>
<div class="attachments"><p>附件：</p><ul>
{links}
</ul></div>"""
    return portal_page(p["host"], p["charset"], f'{r["title"]}_{p["column"]}', meta, main)


def portal_page(host, charset, title, meta, main):
    """A page of the given host: its head (with the standard government-site meta tags), banner,
    navigation and footer (with 网站标识码) around the main content."""
    site = SITES[host]
    meta = {"SiteName": site["name"], "SiteDomain": host, "SiteIDCode": site["id"], **meta}
    metas = "\n".join(f'<meta name="{k}" content="{E(v)}">' for k, v in meta.items())
    nav = "".join(f'<li><a href="{E(h)}">{E(t)}</a></li>' for t, h in site["nav"])
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset.lower()}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{E(title)}_{E(site["name"])}</title>
{metas}
<style>
body{{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333;background:#f3f3f3}}
.top{{background:#b5121b;color:#fff;padding:18px 40px;font-size:26px}}
.nav ul{{margin:0;padding:0 40px;background:#8c0c14}} .nav li{{display:inline-block;padding:6px 16px}} .nav a{{color:#fff}}
.main{{width:1000px;margin:12px auto;background:#fff;padding:16px 30px}}
.xxgk-meta{{width:100%;border-collapse:collapse;margin:10px 0}} .xxgk-meta td{{border:1px solid #ddd;padding:4px 8px}}
h1{{font-size:22px;text-align:center;color:#b5121b}} .title{{text-align:center;font-size:20px;font-weight:bold}}
table.t2,table.t3,table.t4{{border-collapse:collapse;margin:8px 0;text-align:center}}
.footer{{text-align:center;color:#666;font-size:12px;padding:16px}}
</style>
</head>
<body>
<div class="top">{E(site["banner"])}</div>
<div class="nav"><ul>{nav}</ul></div>
<div class="main">
{main}
</div>
<div class="footer">
<p>主办：{E(site["host_by"])}　网站标识码：{site["id"]}</p>
<p>{E(site["icp"])}　版权所有：{E(site["name"])}</p>
</div>
</body>
</html>
"""


def print_copy(r):
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{E(r["title"])}</title>
<style>
body{{font-family:"Noto Serif CJK SC";font-size:12pt}}
p{{text-indent:2em;margin:0 0 6pt 0}}
p.title{{text-indent:0;text-align:center;font-family:"Noto Sans CJK SC";font-size:18pt;font-weight:bold}}
p.date{{text-indent:0;text-align:center}}
p.h{{font-family:"Noto Sans CJK SC"}}
table{{border-collapse:collapse;font-size:9pt}} td,th{{border:1px solid #000;text-align:center}}
caption{{font-weight:bold}}
</style></head>
<body>
{report_body(r)}
</body></html>
"""


def main(json_path, portal_root, work_dir):
    r = json.loads(Path(json_path).read_text(encoding="utf-8"))
    p = r["portal"]
    page = Path(portal_root, p["host"] + p["article"])
    page.parent.mkdir(parents=True, exist_ok=True)
    # strict: a character the page's charset cannot carry is an error, not a '?'
    page.write_bytes(article_page(r).encode(p["charset"], errors="strict"))
    Path(work_dir, Path(json_path).stem + ".html").write_text(print_copy(r), encoding="utf-8")
    for ext, url in p["attachments"].items():
        print(f"{ext}\t{attachment_resource(p['host'], url)}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
