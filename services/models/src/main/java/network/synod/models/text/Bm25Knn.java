package network.synod.models.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

import network.synod.core.classification.LabelSet;
import network.synod.core.classification.TextClassifier;

/**
 * A nearest-neighbour classifier over Lucene's BM25: every revealed message goes into an in-memory index with its
 * label; a message asked about becomes a query of its most frequent terms, and the labels of the {@code k} best
 * matches vote with weights score/top score, smoothed towards the revealed label frequencies.
 */
public final class Bm25Knn implements TextClassifier {

    /** The characters of a message indexed and queried: the headers and the start of the body. */
    static final int MAX_CHARS = 20_000;
    /** The most distinct terms a query holds (Lucene refuses more than 1,024 clauses). */
    static final int MAX_QUERY_TERMS = 64;

    private static final String TEXT = "text";
    private static final String LABEL = "label";

    private final String name;
    private final LabelSet labels;
    private final int k;
    private final double prior;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final int[] revealed;
    private DirectoryReader reader;

    /** {@code k} neighbours vote; the label frequencies weigh as much as {@code prior} neighbours of score 1. */
    public Bm25Knn(String name, LabelSet labels, int k, double prior) {
        this.name = name;
        this.labels = labels;
        this.k = k;
        this.prior = prior;
        this.revealed = new int[labels.size()];
        try {
            // Every reveal is searched before the next question, so the writer flushes a tiny segment per message:
            // plain files (no compound file per flush) keep that cheap.
            this.writer = new IndexWriter(
                    directory,
                    new IndexWriterConfig(analyzer)
                            .setSimilarity(new BM25Similarity())
                            .setUseCompoundFile(false)
                            .setCommitOnClose(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LabelSet labels() {
        return labels;
    }

    @Override
    public double[] probabilities(String text) {
        double[] votes = new double[labels.size()];
        double total = 0;
        int seen = 0;
        for (int r : revealed) {
            seen += r;
        }
        try {
            if (seen > 0) {
                IndexSearcher searcher = searcher();
                BooleanQuery query = query(text);
                ScoreDoc[] hits = searcher.search(query, k).scoreDocs;
                double top = hits.length == 0 ? 1 : hits[0].score;
                for (ScoreDoc hit : hits) {
                    int label = searcher.storedFields()
                            .document(hit.doc)
                            .getField(LABEL)
                            .numericValue()
                            .intValue();
                    double w = hit.score / top;
                    votes[label] += w;
                    total += w;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] p = new double[votes.length];
        for (int c = 0; c < p.length; c++) {
            double frequency = (revealed[c] + 1.0) / (seen + p.length);
            p[c] = (prior * frequency + votes[c]) / (prior + total);
        }
        return p;
    }

    @Override
    public void learn(String text, String label) {
        int c = labels.index(label);
        Document doc = new Document();
        doc.add(new TextField(TEXT, cut(text), Field.Store.NO));
        doc.add(new StoredField(LABEL, c));
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        revealed[c]++;
    }

    private IndexSearcher searcher() throws IOException {
        if (reader == null) {
            reader = DirectoryReader.open(writer);
        } else {
            DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
            if (newer != null) {
                reader.close();
                reader = newer;
            }
        }
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        return searcher;
    }

    /** The message's {@link #MAX_QUERY_TERMS} most frequent terms (ties alphabetical), each an optional clause. */
    private BooleanQuery query(String text) throws IOException {
        Map<String, Integer> frequency = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, cut(text))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                frequency.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        }
        List<Map.Entry<String, Integer>> terms = new ArrayList<>(frequency.entrySet());
        terms.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Map.Entry<String, Integer> e : terms.subList(0, Math.min(MAX_QUERY_TERMS, terms.size()))) {
            query.add(new TermQuery(new Term(TEXT, e.getKey())), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private static String cut(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
    }

    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.close();
            }
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
