package dev.tend.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Answers arriving in pieces, as an event loop reads them: lengths, chunks, bodies to the close, and what is not HTTP. */
class ResponseParserTest {

    /** Feeds the text a few bytes at a time; true when the parser says the answer is complete. */
    private static boolean feedInPieces(ResponseParser parser, String text, int piece) throws IOException {
        var bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        boolean done = false;
        for (int at = 0; at < bytes.length; at += piece) {
            done = parser.feed(ByteBuffer.wrap(bytes, at, Math.min(piece, bytes.length - at)));
        }
        return done;
    }

    @Test
    void aChunkedAnswerEndsAtItsLastChunkWhateverThePieces() throws IOException {
        var answer = "HTTP/1.1 200 OK\r\nTRANSFER-ENCODING: chunked\r\nConnection: keep-alive\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
        for (int piece : new int[] {1, 3, 7, 1000}) {
            var parser = new ResponseParser();
            assertThat(feedInPieces(parser, answer, piece)).as("pieces of " + piece).isTrue();
            assertThat(parser.status()).isEqualTo(200);
            assertThat(parser.closes()).isFalse();
        }
    }

    @Test
    void aLengthEndsTheBodyAndConnectionCloseIsHeard() throws IOException {
        var parser = new ResponseParser();
        assertThat(feedInPieces(parser, "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 4\r\nconnection: close\r\n\r\nbu", 5)).isFalse();
        assertThat(parser.feed(ByteBuffer.wrap("sy".getBytes(StandardCharsets.ISO_8859_1)))).isTrue();
        assertThat(parser.status()).isEqualTo(503);
        assertThat(parser.closes()).isTrue();
    }

    @Test
    void aBodyWithoutLengthRunsToTheCloseAndHttp10Closes() throws IOException {
        var parser = new ResponseParser();
        assertThat(feedInPieces(parser, "HTTP/1.0 200 OK\r\nServer: x\r\n\r\nsome body", 4)).isFalse();
        assertThat(parser.end()).isTrue();
        assertThat(parser.closes()).isTrue();
        var noBody = new ResponseParser();
        assertThat(feedInPieces(noBody, "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n", 2)).isTrue();
    }

    @Test
    void anInterimAnswerIsFollowedByTheFinalOne() throws IOException {
        var answer = "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        for (int piece : new int[] {1, 5, 1000}) {
            var parser = new ResponseParser();
            assertThat(feedInPieces(parser, answer, piece)).as("pieces of " + piece).isTrue();
            assertThat(parser.status()).isEqualTo(200);
        }
        var early = new ResponseParser();
        assertThat(feedInPieces(early, "HTTP/1.1 100 Continue\r\n\r\n", 3)).as("only the interim answer so far").isFalse();
    }

    @Test
    void whatIsNotAnAnswerOrIsCutShortIsAnError() throws IOException {
        assertThatThrownBy(() -> feedInPieces(new ResponseParser(), "SSH-2.0-OpenSSH_9.2\r\n", 100)).hasMessageStartingWith("not an HTTP answer");
        var cut = new ResponseParser();
        feedInPieces(cut, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", 100);
        assertThatThrownBy(cut::end).hasMessage("the answer was cut short");
        assertThatThrownBy(new ResponseParser()::end).hasMessage("the server closed the connection without answering");
    }
}
