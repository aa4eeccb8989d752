// The encoder's weights are constant, so each matrix is rearranged once, at load, into the
// panels the product kernel reads as one stream (see USEKernels.product). Rows of A are given
// as pointers, one per row and block of depth, so a convolution window or a column slice is
// read in place instead of copied; rows of C likewise.

/// A `rows × columns` matrix packed for `ForwardKernels.product`.
struct PackedMatrix: Sendable {
    /// Rows of B per block of the product: a 256 × 32 panel block is 32 KB, the L1 cache.
    static let blockDepth = 256

    let rows: Int
    let columns: Int
    let panelWidth: Int
    private let storage: LargeBuffer<Float>
    private let offset: Int

    /// Panel p, row k, lane j is at `panels[(p * rows + k) * panelWidth + j]`; lanes past `columns` are zero.
    var panels: UnsafePointer<Float> { UnsafePointer(storage.base + offset) }

    /// Packs row-major matrices (element (r, c) at `values[r * columns + c]`) one after the
    /// other in one buffer, so they share huge pages.
    static func pack(_ matrices: [(rows: Int, columns: Int, values: [Float])], panelWidth width: Int) -> [PackedMatrix] {
        let sizes = matrices.map { $0.rows * (($0.columns + width - 1) / width * width) }
        let storage = LargeBuffer<Float>(count: sizes.reduce(0, +))
        var offset = 0
        return zip(matrices, sizes).map { matrix, size in
            let (rows, columns, values) = matrix
            precondition(values.count == rows * columns, "a \(rows)×\(columns) matrix needs \(rows * columns) values, got \(values.count)")
            let panels = storage.base + offset
            for panel in 0..<(columns + width - 1) / width {
                let first = panel * width
                for k in 0..<rows {
                    for j in 0..<min(width, columns - first) { panels[(panel * rows + k) * width + j] = values[k * columns + first + j] }
                }
            }
            offset += size
            return PackedMatrix(rows: rows, columns: columns, panelWidth: width, storage: storage, offset: offset - size)
        }
    }

    /// One matrix packed alone.
    init(rows: Int, columns: Int, values: [Float], panelWidth: Int) {
        self = Self.pack([(rows, columns, values)], panelWidth: panelWidth)[0]
    }

    private init(rows: Int, columns: Int, panelWidth: Int, storage: LargeBuffer<Float>, offset: Int) {
        self.rows = rows
        self.columns = columns
        self.panelWidth = panelWidth
        self.storage = storage
        self.offset = offset
    }

    /// Blocks of `blockDepth` rows (the last one may be shorter): each row of A gives one pointer per block.
    var blocks: Int { (rows + Self.blockDepth - 1) / Self.blockDepth }
}

/// Rows of A as a table of pointers: entry `row * blocks + block` points at the elements
/// `block * blockDepth ..< min((block + 1) * blockDepth, depth)` of that row.
struct RowBlocks {
    var pointers: [UnsafePointer<Float>]
    let blocks: Int

    /// Row-major rows `stride` floats apart starting at `base`, `depth` elements each.
    init(_ base: UnsafePointer<Float>, rows: Int, stride: Int, depth: Int) {
        self.init((0..<rows).map { base + $0 * stride }, depth: depth)
    }

    /// Rows starting where `starts` point, `depth` elements each.
    init(_ starts: [UnsafePointer<Float>], depth: Int) {
        blocks = (depth + PackedMatrix.blockDepth - 1) / PackedMatrix.blockDepth
        pointers = []
        pointers.reserveCapacity(starts.count * blocks)
        for start in starts {
            for block in 0..<blocks { pointers.append(start + block * PackedMatrix.blockDepth) }
        }
    }

    /// A table filled by the caller, `blocks` pointers per row.
    init(blocks: Int, capacity: Int) {
        self.blocks = blocks
        pointers = []
        pointers.reserveCapacity(capacity * blocks)
    }

    var rows: Int { pointers.count / blocks }
}

extension ForwardKernels {
    /// `c[r][j] = Σ_k a[r][k] · b[k][j]` with row r of C at `c + r * stride`, overwritten.
    func product(_ a: RowBlocks, _ b: PackedMatrix, into c: UnsafeMutablePointer<Float>, stride: Int) {
        product(a, b, intoRows: (0..<a.rows).map { c + $0 * stride })
    }

    /// The same with row r of C at `c[r]`.
    func product(_ a: RowBlocks, _ b: PackedMatrix, intoRows c: [UnsafeMutablePointer<Float>]) {
        precondition(a.blocks == b.blocks && c.count == a.rows && b.panelWidth == panelWidth, "matrix product shapes do not match")
        a.pointers.withUnsafeBufferPointer { a in
            c.withUnsafeBufferPointer { c in
                guard let aBase = a.baseAddress, let cBase = c.baseAddress else { return }
                product(aBase, c.count, b.blocks, PackedMatrix.blockDepth, b.panels, b.rows, b.columns, cBase)
            }
        }
    }

    /// `a × b` for a row-major `rows × b.rows` matrix `a`.
    func multiply(_ a: [Float], rows: Int, _ b: PackedMatrix) -> [Float] {
        guard rows > 0 else { return [] }
        var c = [Float](repeating: 0, count: rows * b.columns)
        a.withUnsafeBufferPointer { a in
            c.withUnsafeMutableBufferPointer { c in
                product(RowBlocks(a.baseAddress!, rows: rows, stride: b.rows, depth: b.rows), b, into: c.baseAddress!, stride: b.columns)
            }
        }
        return c
    }
}
