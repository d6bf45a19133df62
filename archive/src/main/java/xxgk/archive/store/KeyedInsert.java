package xxgk.archive.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Inserting documents whose keys may be held already, in one round trip: the write is unordered, so a document
 * refused for its key does not stop the others, and those refusals are what tells the held ones apart — where
 * looking the keys up first cost a round trip of its own for every batch.
 */
final class KeyedInsert {

    private KeyedInsert() {
    }

    /** Inserts those of documents whose {@code _id} the collection does not hold; returns the positions of the others. */
    static Set<Integer> heldAmong(MongoCollection<Document> collection, List<Document> documents) {
        Set<Integer> held = new HashSet<>();
        if (documents.isEmpty()) {
            return held;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                held.add(error.getIndex());
            }
        }
        return held;
    }
}
