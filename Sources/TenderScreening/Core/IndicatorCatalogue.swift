/// Every indicator, in the order reports list them.
public enum IndicatorCatalogue {
    public static let all: [any Indicator.Type] = [
        SingleBid.self,
        NonOpenProcedure.self,
        ShortSubmissionPeriod.self,
        DecisionPeriod.self,
        StandstillBreach.self,
        WinningBidNearEstimate.self,
        ThresholdProximity.self,
        PriceCloseToWinner.self,
        HeavilyDiscountedBid.self,
        IdenticalBidPrices.self,
        ContractSplitting.self,
        BidScreens.self,
        CoverBidder.self,
        CoBiddingRing.self,
        BidRotation.self,
        SupplierShareOfBuyer.self,
        RecurrentUncontestedWinner.self,
        BuyerNoncompetitiveShare.self,
        BenfordDeviation.self,
        HeterogeneousSupplier.self,
    ]

    /// The indicator with this id.
    public static func indicator(id: String) -> (any Indicator.Type)? {
        all.first { $0.metadata.id == id }
    }
}
