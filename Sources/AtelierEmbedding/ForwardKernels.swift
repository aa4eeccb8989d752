// The encoder's arithmetic as function values, so one encoder calls one compiled variant
// (USEKernels for x86-64-v3, USEKernelsAVX512) without knowing which.

import USEKernels
import USEKernelsAVX512

/// The kernels of one instruction set.
struct ForwardKernels: Sendable {
    let instructionSet: EmbeddingSupport.Kernels
    /// Columns per panel of a packed matrix (see PackedMatrix).
    let panelWidth: Int
    let product:
        @Sendable (
            _ a: UnsafePointer<UnsafePointer<Float>>, _ rows: Int, _ blocks: Int, _ blockDepth: Int,
            _ b: UnsafePointer<Float>, _ depth: Int, _ columns: Int, _ c: UnsafePointer<UnsafeMutablePointer<Float>>
        ) -> Void
    let add: @Sendable (_ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<Float>, _ count: Int) -> Void
    let reluAdd: @Sendable (_ x: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ residual: UnsafePointer<Float>, _ count: Int) -> Void
    let sumReluAdd:
        @Sendable (
            _ sources: UnsafePointer<UnsafePointer<Float>>, _ sourceCount: Int, _ bias: UnsafePointer<Float>, _ residual: UnsafePointer<Float>,
            _ target: UnsafeMutablePointer<Float>, _ count: Int
        ) -> Void
    let dequantize:
        @Sendable (_ source: UnsafePointer<UInt8>, _ scale: Float, _ lo: Float, _ target: UnsafeMutablePointer<Float>, _ count: Int) -> Void
    let layerNorm:
        @Sendable (_ row: UnsafeMutablePointer<Float>, _ width: Int, _ gain: UnsafePointer<Float>, _ bias: UnsafePointer<Float>, _ epsilon: Float) ->
            Void

    /// The kernels compiled for `instructionSet`; call them only where the CPU runs it (EmbeddingSupport).
    init(_ instructionSet: EmbeddingSupport.Kernels) {
        self.instructionSet = instructionSet
        switch instructionSet {
        case .avx2:
            panelWidth = USEKernels.panelWidth
            product = { USEKernels.product($0, rows: $1, blocks: $2, blockDepth: $3, $4, depth: $5, columns: $6, into: $7) }
            add = { USEKernels.add($0, to: $1, count: $2) }
            reluAdd = { USEKernels.reluAdd($0, bias: $1, residual: $2, count: $3) }
            sumReluAdd = { USEKernels.sumReluAdd($0, sourceCount: $1, bias: $2, residual: $3, into: $4, count: $5) }
            layerNorm = { USEKernels.layerNorm($0, width: $1, gain: $2, bias: $3, epsilon: $4) }
            dequantize = { USEKernels.dequantize($0, scale: $1, lo: $2, into: $3, count: $4) }
        case .avx512:
            panelWidth = USEKernelsAVX512.panelWidth
            product = { USEKernelsAVX512.product($0, rows: $1, blocks: $2, blockDepth: $3, $4, depth: $5, columns: $6, into: $7) }
            add = { USEKernelsAVX512.add($0, to: $1, count: $2) }
            reluAdd = { USEKernelsAVX512.reluAdd($0, bias: $1, residual: $2, count: $3) }
            sumReluAdd = { USEKernelsAVX512.sumReluAdd($0, sourceCount: $1, bias: $2, residual: $3, into: $4, count: $5) }
            layerNorm = { USEKernelsAVX512.layerNorm($0, width: $1, gain: $2, bias: $3, epsilon: $4) }
            dequantize = { USEKernelsAVX512.dequantize($0, scale: $1, lo: $2, into: $3, count: $4) }
        }
    }
}
