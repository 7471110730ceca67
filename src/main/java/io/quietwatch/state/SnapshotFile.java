package io.quietwatch.state;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The snapshot file on disk: gzip'd {@link SnapshotJson}, replaced atomically so a crash at any moment leaves
 * either the previous snapshot or the new one, never a mix: written to a temporary file beside it, forced to
 * disk, renamed over the old one, and the folder forced so the rename survives a power cut.
 */
public final class SnapshotFile {
    private final Path path;

    public SnapshotFile(Path path) {
        this.path = path;
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** Writes {@code s} in place of the current snapshot; returns the file's size in bytes. */
    public long write(Snapshot s) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(path.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16), 1 << 16);
            SnapshotJson.write(s, out);
            out.flush();
            ((GZIPOutputStream) out).finish();
            out.flush();
            ch.force(true);
        }
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder for reading; the rename is then as durable as they make it
        }
        return Files.size(path);
    }

    /**
     * The snapshot, or empty when there is none.
     *
     * @throws SnapshotFormatException when the file is there but cannot be read back
     */
    public Optional<Snapshot> read() throws SnapshotFormatException {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), 1 << 16)) {
            return Optional.of(SnapshotJson.read(in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SnapshotFormatException("unreadable: " + e, e);
        }
    }

    /** Renames the file to {@code <name>.corrupt-<millis>} beside it and returns the new path. */
    public Path moveAside(long nowMillis) throws IOException {
        Path aside = path.resolveSibling(path.getFileName() + ".corrupt-" + nowMillis);
        Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }
}
