package io.sluice.platform.durability.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file channel on a disk that fills up: writes go through until {@code budget} bytes have been
 * written (across every channel sharing the budget), then each write throws "No space left on
 * device" — after writing the part that still fitted, as a real short write would. Optionally a
 * disk whose fsync fails after a number of successful ones.
 */
final class FailingChannel extends FileChannel {
    private final FileChannel delegate;
    private final AtomicLong budget;
    private final AtomicLong forcesLeft;

    FailingChannel(FileChannel delegate, AtomicLong budget) {
        this(delegate, budget, new AtomicLong(Long.MAX_VALUE));
    }

    /** Also fails {@link #force} ("Input/output error") once {@code forcesLeft} forces have succeeded. */
    FailingChannel(FileChannel delegate, AtomicLong budget, AtomicLong forcesLeft) {
        this.delegate = delegate;
        this.budget = budget;
        this.forcesLeft = forcesLeft;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        long left = budget.get();
        if (left <= 0) {
            throw new IOException("No space left on device");
        }
        if (src.remaining() > left) {
            ByteBuffer fits = src.duplicate();
            fits.limit(fits.position() + (int) left);
            int written = delegate.write(fits);
            src.position(src.position() + written);
            budget.addAndGet(-written);
            throw new IOException("No space left on device");
        }
        int written = delegate.write(src);
        budget.addAndGet(-written);
        return written;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long written = 0;
        for (int i = offset; i < offset + length; i++) {
            written += write(srcs[i]);
        }
        return written;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        throw new IOException("No space left on device");
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (forcesLeft.getAndDecrement() <= 0) {
            throw new IOException("Input/output error");
        }
        delegate.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new IOException("No space left on device");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return delegate.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
