package io.sluice.connectors.bluesky;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A scripted Jetstream on loopback: a minimal WebSocket server (RFC 6455 handshake, unmasked text
 * frames from the server, a close frame) written on a {@link ServerSocket}, since neither the JDK's
 * HTTP server nor WireMock speaks WebSocket. Each accepted connection plays the next {@link Script}:
 * refuse the handshake with a status, or send messages and then close or go silent. It records the
 * URIs the client asked for and never reads what the client sends after the handshake.
 */
final class JetstreamPeer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** What one connection does: {@code status} 101 to accept, else refuse with it. */
    record Script(int status, List<String> messages, boolean thenClose) {
        static Script send(boolean thenClose, String... messages) {
            return new Script(101, List.of(messages), thenClose);
        }

        static Script refuse(int status) {
            return new Script(status, List.of(), true);
        }
    }

    private final ServerSocket server;
    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    JetstreamPeer(Script... scripts) throws IOException {
        this.scripts.addAll(List.of(scripts));
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "jetstream-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Script script = scripts.poll();
                play(socket, script == null ? Script.send(false) : script);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void play(Socket socket, Script script) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String requestLine = in.readLine();
        String key = null;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        requests.add(URI.create(requestLine.split(" ")[1]));
        OutputStream out = socket.getOutputStream();
        if (script.status() != 101) {
            out.write(("HTTP/1.1 " + script.status() + " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            return;
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String message : script.messages()) {
            out.write(frame(0x81, message.getBytes(StandardCharsets.UTF_8)));
        }
        if (script.thenClose()) {
            out.write(frame(0x88, new byte[] {0x03, (byte) 0xE8}));   // close, 1000 normal
            out.flush();
            socket.shutdownOutput();
        }
        out.flush();
    }

    private static byte[] frame(int opcode, byte[] payload) {
        List<Byte> header = new ArrayList<>();
        header.add((byte) opcode);
        if (payload.length < 126) {
            header.add((byte) payload.length);
        } else if (payload.length < 65_536) {
            header.add((byte) 126);
            header.add((byte) (payload.length >>> 8));
            header.add((byte) payload.length);
        } else {
            header.add((byte) 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                header.add((byte) ((long) payload.length >>> shift));
            }
        }
        byte[] frame = new byte[header.size() + payload.length];
        for (int i = 0; i < header.size(); i++) {
            frame[i] = header.get(i);
        }
        System.arraycopy(payload, 0, frame, header.size(), payload.length);
        return frame;
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String endpoint() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/subscribe";
    }

    /** The request URIs (path and query) of the connections so far. */
    List<URI> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
