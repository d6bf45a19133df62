package xxgk.crawler.web;

import static xxgk.crawler.web.Html.esc;
import static xxgk.crawler.web.Html.link;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.javalin.http.Context;
import xxgk.archive.Archive;
import xxgk.archive.catalog.ChangeListing;
import xxgk.archive.catalog.ReportChange;
import xxgk.archive.retrieval.CdxQuery;

/**
 * {@code /changes}: the change log as a page, newest first; {@code /changes.atom}: the same as an Atom 1.0 feed
 * (RFC 4287), one entry per change, so that a feed reader tells a watcher when a report appears, changes or goes.
 */
final class ChangePages {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final Archive archive;

    ChangePages(Archive archive) {
        this.archive = archive;
    }

    private List<ChangeListing.Listed> newestFirst() {
        List<ChangeListing.Listed> changes = new ArrayList<>(ChangeListing.of(archive.catalog(), archive.parses(), Optional.empty(), Optional.empty()));
        Collections.reverse(changes);
        return changes;
    }

    void page(Context ctx) {
        List<ChangeListing.Listed> changes = newestFirst();
        ctx.html(Html.page("Changes", "<p>" + changes.size() + " changes, newest first (" + link("/changes.atom", "Atom feed") + ").</p><ul>"
                + changes.stream().map(c -> "<li>" + describe(c) + "</li>").collect(Collectors.joining()) + "</ul>"));
    }

    /** One change in a line: when, what, which report, the capture that shows it, and the cells a new version changed. */
    static String describe(ChangeListing.Listed listed) {
        ReportChange c = listed.change();
        return esc(c.at()) + " <b>" + esc(c.kind().name().toLowerCase(Locale.ROOT)) + "</b> " + link("/reports/" + c.report(), c.year() + " " + c.agency())
                + " — " + link("/web/" + CdxQuery.TIMESTAMP.format(c.at()) + "/" + c.url(), c.url())
                + (listed.cells().isEmpty() ? "" : " <small>" + esc(cells(listed)) + "</small>");
    }

    private static String cells(ChangeListing.Listed listed) {
        return listed.cells().size() + " cells: " + listed.cells().stream().limit(5)
                .map(x -> x.cell() + " " + x.oldValue() + "→" + x.newValue()).collect(Collectors.joining(", "))
                + (listed.cells().size() > 5 ? ", …" : "");
    }

    void atom(Context ctx) throws XMLStreamException {
        String base = ctx.scheme() + "://" + ctx.host();
        List<ChangeListing.Listed> changes = newestFirst();
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(text);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", "urn:xxgk:changes");
        element(xml, "title", "xxgk: changes of the archived annual reports");
        element(xml, "updated", changes.stream().map(c -> c.change().at()).findFirst().orElse(Instant.EPOCH).toString());
        atomLink(xml, "self", base + "/changes.atom");
        atomLink(xml, "alternate", base + "/changes");
        xml.writeStartElement("author");
        element(xml, "name", "xxgk");
        xml.writeEndElement();
        for (ChangeListing.Listed listed : changes) {
            ReportChange c = listed.change();
            String kind = c.kind().name().toLowerCase(Locale.ROOT);
            xml.writeStartElement("entry");
            // The same whatever host name the server is reached by: a change is one report, one kind, one capture time.
            element(xml, "id", "urn:xxgk:change:" + kind + ":" + c.report() + ":" + c.at());
            element(xml, "title", kind + ": " + c.agency() + " " + c.year());
            element(xml, "updated", c.at().toString());
            atomLink(xml, "alternate", base + "/reports/" + c.report());
            atomLink(xml, "related", base + "/web/" + CdxQuery.TIMESTAMP.format(c.at()) + "/" + c.url());
            element(xml, "summary", kind + " " + c.report() + " at " + c.url() + (listed.cells().isEmpty() ? "" : "; " + cells(listed)));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        ctx.contentType("application/atom+xml; charset=utf-8").result(text.toString());
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void atomLink(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}
