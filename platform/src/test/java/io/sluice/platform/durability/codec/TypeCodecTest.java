package io.sluice.platform.durability.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeCodecTest {
    /** Not a record, not a collection: only a registered codec can encode it. */
    static class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point p && p.x == x && p.y == y && p.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return 31 * x + y;
        }
    }

    static final class Point3 extends Point {
        final int z;

        Point3(int x, int y, int z) {
            super(x, y);
            this.z = z;
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && ((Point3) o).z == z;
        }

        @Override
        public int hashCode() {
            return super.hashCode() * 31 + z;
        }
    }

    /** Version 1 wrote x and y; version 2 adds a label written as a nested value. */
    static class PointCodec implements TypeCodec<Point> {
        private final int version;

        PointCodec(int version) {
            this.version = version;
        }

        @Override
        public String id() {
            return "test.Point";
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public void write(DataOutput out, Point p, ValueCodec values) throws IOException {
            out.writeInt(p.x);
            out.writeInt(p.y);
            if (version >= 2) {
                values.write(out, List.of("label", p.x + p.y));
            }
        }

        @Override
        public Point read(DataInput in, int writtenVersion, ValueCodec values) throws IOException {
            Point p = new Point(in.readInt(), in.readInt());
            if (writtenVersion >= 2) {
                assertThat(values.read(in)).isEqualTo(List.of("label", p.x + p.y));
            }
            return p;
        }
    }

    /** Claims Strings: registered codecs win over built-in encodings. */
    static final class ShoutingStrings implements TypeCodec<String> {
        @Override
        public String id() {
            return "test.Shouting";
        }

        @Override
        public int version() {
            return 0;
        }

        @Override
        public void write(DataOutput out, String value, ValueCodec values) throws IOException {
            out.writeUTF(value.toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public String read(DataInput in, int version, ValueCodec values) throws IOException {
            return in.readUTF();
        }
    }

    @Test
    void registeredTypesRoundTripAlsoNested() {
        ValueCodec codec = ValueCodec.standard().with(Point.class, new PointCodec(2));
        Object value = Map.of("p", List.of(new Point(1, 2), new Point(-3, 4)));

        assertThat(codec.fromBytes(codec.toBytes(value))).isEqualTo(value);
    }

    @Test
    void withLeavesTheOriginalCodecUnchanged() {
        ValueCodec standard = ValueCodec.standard();
        standard.with(Point.class, new PointCodec(1));

        assertThatThrownBy(() -> standard.toBytes(new Point(1, 1))).isInstanceOf(UnsupportedValueException.class);
    }

    @Test
    void registeredCodecsTakePrecedenceOverBuiltInEncodings() {
        ValueCodec codec = ValueCodec.standard().with(String.class, new ShoutingStrings());

        assertThat(codec.fromBytes(codec.toBytes(List.of("quiet")))).isEqualTo(List.of("QUIET"));
        assertThat(ValueCodec.standard().fromBytes(ValueCodec.standard().toBytes("quiet"))).isEqualTo("quiet");
    }

    @Test
    void subclassesUseTheMostSpecificRegisteredSupertype() {
        TypeCodec<Point3> point3 = new TypeCodec<>() {
            public String id() {
                return "test.Point3";
            }

            public int version() {
                return 1;
            }

            public void write(DataOutput out, Point3 p, ValueCodec values) throws IOException {
                out.writeInt(p.x);
                out.writeInt(p.y);
                out.writeInt(p.z);
            }

            public Point3 read(DataInput in, int version, ValueCodec values) throws IOException {
                return new Point3(in.readInt(), in.readInt(), in.readInt());
            }
        };
        ValueCodec onlyBase = ValueCodec.standard().with(Point.class, new PointCodec(1));
        ValueCodec both = onlyBase.with(Point3.class, point3);

        assertThat(onlyBase.fromBytes(onlyBase.toBytes(new Point3(1, 2, 3)))).isEqualTo(new Point(1, 2));
        assertThat(both.fromBytes(both.toBytes(new Point3(1, 2, 3)))).isEqualTo(new Point3(1, 2, 3));
        assertThat(both.fromBytes(both.toBytes(new Point(1, 2)))).isEqualTo(new Point(1, 2));
    }

    @Test
    void oldVersionsAreReadByNewerCodecs() {
        byte[] writtenByVersion1 = ValueCodec.standard().with(Point.class, new PointCodec(1)).toBytes(new Point(5, 6));
        ValueCodec newer = ValueCodec.standard().with(Point.class, new PointCodec(2));

        assertThat(newer.fromBytes(writtenByVersion1)).isEqualTo(new Point(5, 6));
    }

    @Test
    void newerVersionsThanTheCodecKnowsAreRefused() {
        byte[] writtenByVersion2 = ValueCodec.standard().with(Point.class, new PointCodec(2)).toBytes(new Point(5, 6));
        ValueCodec older = ValueCodec.standard().with(Point.class, new PointCodec(1));

        assertThatThrownBy(() -> older.fromBytes(writtenByVersion2))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("version 2 of TypeCodec 'test.Point'").hasMessageContaining("up to 1");
    }

    @Test
    void aValueWhoseCodecIsNotRegisteredIsRefusedByName() {
        byte[] bytes = ValueCodec.standard().with(Point.class, new PointCodec(1)).toBytes(List.of(new Point(5, 6)));

        assertThatThrownBy(() -> ValueCodec.standard().fromBytes(bytes))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("no TypeCodec 'test.Point' is registered");
    }

    @Test
    void aCodecThatReadsTooLittleOrTooMuchIsCaught() {
        TypeCodec<Point> readsOneInt = new PointCodec(1) {
            @Override
            public Point read(DataInput in, int version, ValueCodec values) throws IOException {
                return new Point(in.readInt(), 0);
            }
        };
        TypeCodec<Point> readsThreeInts = new PointCodec(1) {
            @Override
            public Point read(DataInput in, int version, ValueCodec values) throws IOException {
                in.readInt();
                in.readInt();
                return new Point(in.readInt(), 0);
            }
        };
        byte[] bytes = ValueCodec.standard().with(Point.class, new PointCodec(1)).toBytes(List.of(new Point(5, 6), "after"));

        assertThatThrownBy(() -> ValueCodec.standard().with(Point.class, readsOneInt).fromBytes(bytes))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("read 4 of its 8 bytes");
        assertThatThrownBy(() -> ValueCodec.standard().with(Point.class, readsThreeInts).fromBytes(bytes))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("truncated");
    }

    @Test
    void registrationIsChecked() {
        ValueCodec codec = ValueCodec.standard().with(Point.class, new PointCodec(1));

        assertThatThrownBy(() -> codec.with(ArrayList.class, new ClaimsPointId()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'test.Point' is already registered");
        assertThat(codec.with(Point.class, new PointCodec(2)).fromBytes(codec.toBytes(new Point(1, 1)))).isEqualTo(new Point(1, 1));
    }

    @SuppressWarnings("rawtypes")
    static final class ClaimsPointId implements TypeCodec<ArrayList> {
        public String id() {
            return "test.Point";
        }

        public int version() {
            return 1;
        }

        public void write(DataOutput out, ArrayList value, ValueCodec values) {
        }

        public ArrayList read(DataInput in, int version, ValueCodec values) {
            return new ArrayList();
        }
    }

    /** A tree node that only a registered codec can encode. */
    static final class Node {
        final List<Node> children = new ArrayList<>();
    }

    /** Writes children as a nested value; {@code throughOwnStream} hides the depth from the codec (as a careless codec would). */
    static final class NodeCodec implements TypeCodec<Node> {
        private final boolean throughOwnStream;

        NodeCodec(boolean throughOwnStream) {
            this.throughOwnStream = throughOwnStream;
        }

        public String id() {
            return "test.Node";
        }

        public int version() {
            return 1;
        }

        public void write(DataOutput out, Node node, ValueCodec values) throws IOException {
            if (throughOwnStream) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                values.write(new java.io.DataOutputStream(bytes), node.children);
                out.write(bytes.toByteArray());
            } else {
                values.write(out, node.children);
            }
        }

        public Node read(DataInput in, int version, ValueCodec values) throws IOException {
            Node node = new Node();
            for (Object child : (List<?>) values.read(in)) {
                node.children.add((Node) child);
            }
            return node;
        }
    }

    @Test
    void nestingThroughACodecCountsTowardsTheDepthLimit() {
        Node loop = new Node();
        loop.children.add(loop);
        ValueCodec codec = ValueCodec.standard().with(Node.class, new NodeCodec(false));

        assertThatThrownBy(() -> codec.toBytes(loop))
                .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("nested more than 256 levels");
    }

    @Test
    void readingDeepNestingThroughACodecIsRefusedNotAStackOverflow() {
        Node root = new Node();
        Node leaf = root;
        for (int i = 0; i < 200; i++) {
            Node child = new Node();
            leaf.children.add(child);
            leaf = child;
        }
        byte[] deep = ValueCodec.standard().with(Node.class, new NodeCodec(true)).toBytes(root);
        ValueCodec reader = ValueCodec.standard().with(Node.class, new NodeCodec(false));

        assertThatThrownBy(() -> reader.fromBytes(deep))
                .isInstanceOf(CorruptDataException.class).hasMessageContaining("nested more than 256 levels");
        Node shallow = new Node();
        shallow.children.add(new Node());
        assertThat(((Node) reader.fromBytes(reader.toBytes(shallow))).children).hasSize(1);
    }
}
