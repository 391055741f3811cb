// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ArticleEditions} from "../../../contracts/ArticleEditions.sol";
import {IArticleEditions} from "../../../contracts/interfaces/IArticleEditions.sol";
import {IMembershipPass} from "../../../contracts/interfaces/IMembershipPass.sol";
import {MembershipPass} from "../../../contracts/MembershipPass.sol";
import {TestBase} from "./TestBase.sol";

/// @dev Deploys the publication with the constructor arguments scripts/deploy/deployPublication.ts
/// uses, plus a reader tier (level 1, 30 days) and a member tier (lifetime, 3 votes).
abstract contract PublicationBase is TestBase {
    uint32 internal constant MONTH = 30 days;
    uint256 internal constant READER_TIER = 1;
    uint256 internal constant MEMBER_TIER = 2;
    uint96 internal constant READER_PRICE = 0.01 ether;
    uint96 internal constant MEMBER_PRICE = 0.2 ether;
    uint16 internal constant MEMBER_WEIGHT = 3;

    address internal admin = address(this);
    address internal treasury = _addr("treasury");
    address internal authorA = _addr("authorA");
    address internal authorB = _addr("authorB");
    MembershipPass internal pass;
    ArticleEditions internal editions;

    function _deployPublication() internal {
        vm.warp(1_750_000_000);
        vm.deal(address(this), type(uint128).max); // the test contract pays for what it buys
        pass = new MembershipPass(admin, treasury, 1_000, 500, "");
        editions = new ArticleEditions(admin, treasury, IMembershipPass(address(pass)), "");
        pass.createTier(_tierConfig(READER_PRICE, MONTH, 1, 0));
        pass.createTier(_tierConfig(MEMBER_PRICE, 0, 2, MEMBER_WEIGHT));
    }

    function _tierConfig(
        uint96 price,
        uint32 duration,
        uint8 level,
        uint16 weight
    ) internal pure returns (IMembershipPass.TierConfig memory) {
        return
            IMembershipPass.TierConfig({
                name: "tier",
                price: price,
                duration: duration,
                maxSupply: 0,
                level: level,
                votingWeight: weight,
                transferable: true,
                saleOpen: true,
                metadataURI: "ipfs://tier"
            });
    }

    function _publish(
        uint80 price,
        uint32 maxSupply,
        uint16 walletCap,
        uint16 shareA,
        uint16 shareB,
        uint16 referralBps
    ) internal returns (uint256) {
        IArticleEditions.Payee[] memory authors = new IArticleEditions.Payee[](2);
        authors[0] = IArticleEditions.Payee(authorA, shareA);
        authors[1] = IArticleEditions.Payee(authorB, shareB);
        return
            editions.publish(
                IArticleEditions.PublishParams({
                    uri: "ipfs://article",
                    price: price,
                    maxSupply: maxSupply,
                    saleStart: 0,
                    saleEnd: 0,
                    walletCap: walletCap,
                    premiumLevel: 1,
                    royaltyReceiver: authorA,
                    royaltyBps: 0,
                    authors: authors,
                    treasuryBps: 10_000 - shareA - shareB,
                    referralBps: referralBps
                })
            );
    }
}
