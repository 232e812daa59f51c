namespace Bayan.Tests.Importing;

/// <summary>
/// The tables of a Joomla 3 site with K2 2.x, written from K2's install SQL and Joomla 3's users table: the same
/// columns, types, nullability and defaults, so the importer meets what a real site holds (utf8 tables, NOT NULL
/// text columns, "0000-00-00 00:00:00" dates, the reserved word `fulltext` as a column name).
/// </summary>
internal static class K2Schema
{
    public static string Tables(string p) => $"""
        CREATE TABLE `{p}users` (
          `id` int(11) NOT NULL AUTO_INCREMENT,
          `name` varchar(400) NOT NULL DEFAULT '',
          `username` varchar(150) NOT NULL DEFAULT '',
          `email` varchar(100) NOT NULL DEFAULT '',
          `password` varchar(100) NOT NULL DEFAULT '',
          `block` tinyint(4) NOT NULL DEFAULT 0,
          `sendEmail` tinyint(4) DEFAULT 0,
          `registerDate` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
          `lastvisitDate` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
          `activation` varchar(100) NOT NULL DEFAULT '',
          `params` mediumtext NOT NULL,
          `lastResetTime` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
          `resetCount` int(11) NOT NULL DEFAULT 0,
          `otpKey` varchar(1000) NOT NULL DEFAULT '',
          `otep` varchar(1000) NOT NULL DEFAULT '',
          `requireReset` tinyint(4) NOT NULL DEFAULT 0,
          PRIMARY KEY (`id`),
          KEY `idx_name` (`name`(100)),
          KEY `idx_block` (`block`),
          KEY `username` (`username`),
          KEY `email` (`email`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

        CREATE TABLE `{p}k2_attachments` (
          `id` int(11) NOT NULL AUTO_INCREMENT,
          `itemID` int(11) NOT NULL,
          `filename` varchar(255) NOT NULL,
          `title` varchar(255) NOT NULL,
          `titleAttribute` text NOT NULL,
          `hits` int(11) NOT NULL,
          PRIMARY KEY (`id`),
          KEY `itemID` (`itemID`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8;

        CREATE TABLE `{p}k2_categories` (
          `id` int(11) unsigned NOT NULL AUTO_INCREMENT,
          `name` varchar(255) NOT NULL,
          `alias` varchar(255) NOT NULL,
          `description` text NOT NULL,
          `parent` int(11) DEFAULT 0,
          `extraFieldsGroup` int(11) NOT NULL,
          `published` smallint(6) NOT NULL DEFAULT 0,
          `access` int(11) NOT NULL DEFAULT 0,
          `ordering` int(11) NOT NULL DEFAULT 0,
          `image` varchar(255) NOT NULL,
          `params` text NOT NULL,
          `trash` smallint(6) NOT NULL DEFAULT 0,
          `plugins` text NOT NULL,
          `language` char(7) NOT NULL,
          PRIMARY KEY (`id`),
          KEY `category` (`published`, `access`, `trash`),
          KEY `parent` (`parent`),
          KEY `language` (`language`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8;

        CREATE TABLE `{p}k2_comments` (
          `id` int(11) NOT NULL AUTO_INCREMENT,
          `itemID` int(11) NOT NULL,
          `userID` int(11) NOT NULL,
          `userName` varchar(255) NOT NULL,
          `commentDate` datetime NOT NULL,
          `commentText` text NOT NULL,
          `commentEmail` varchar(255) NOT NULL,
          `commentURL` varchar(255) NOT NULL,
          `published` int(11) NOT NULL DEFAULT 0,
          PRIMARY KEY (`id`),
          KEY `itemID` (`itemID`),
          KEY `countComments` (`itemID`, `published`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8;

        CREATE TABLE `{p}k2_extra_fields` (
          `id` int(11) NOT NULL AUTO_INCREMENT,
          `name` varchar(255) NOT NULL,
          `value` text NOT NULL,
          `type` varchar(255) NOT NULL,
          `group` int(11) NOT NULL,
          `published` tinyint(4) NOT NULL,
          `ordering` int(11) NOT NULL,
          PRIMARY KEY (`id`),
          KEY `group` (`group`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8;

        CREATE TABLE `{p}k2_items` (
          `id` int(11) NOT NULL AUTO_INCREMENT,
          `title` varchar(255) NOT NULL,
          `alias` varchar(255) DEFAULT NULL,
          `catid` int(11) NOT NULL,
          `published` smallint(6) NOT NULL DEFAULT 0,
          `introtext` mediumtext NOT NULL,
          `fulltext` mediumtext NOT NULL,
          `video` text,
          `gallery` varchar(255) DEFAULT NULL,
          `extra_fields` text CHARACTER SET utf8 COLLATE utf8_unicode_ci,
          `extra_fields_search` text NOT NULL,
          `created` datetime NOT NULL,
          `created_by` int(11) NOT NULL DEFAULT 0,
          `created_by_alias` varchar(255) NOT NULL,
          `checked_out` int(10) unsigned NOT NULL,
          `checked_out_time` datetime NOT NULL,
          `modified` datetime NOT NULL,
          `modified_by` int(11) NOT NULL DEFAULT 0,
          `publish_up` datetime NOT NULL,
          `publish_down` datetime NOT NULL,
          `trash` smallint(6) NOT NULL DEFAULT 0,
          `access` int(11) NOT NULL DEFAULT 0,
          `ordering` int(11) NOT NULL DEFAULT 0,
          `featured` smallint(6) NOT NULL DEFAULT 0,
          `featured_ordering` int(11) NOT NULL DEFAULT 0,
          `image_caption` text NOT NULL,
          `image_credits` varchar(255) NOT NULL,
          `video_caption` text NOT NULL,
          `video_credits` varchar(255) NOT NULL,
          `hits` int(10) unsigned NOT NULL,
          `params` text NOT NULL,
          `metadesc` text NOT NULL,
          `metadata` text NOT NULL,
          `metakey` text NOT NULL,
          `plugins` text NOT NULL,
          `language` char(7) NOT NULL,
          PRIMARY KEY (`id`),
          KEY `item` (`published`, `publish_up`, `publish_down`, `trash`, `access`),
          KEY `catid` (`catid`),
          KEY `created_by` (`created_by`),
          KEY `language` (`language`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8;

        CREATE TABLE `{p}k2_tags` (
          `id` int(11) NOT NULL AUTO_INCREMENT,
          `name` varchar(255) NOT NULL,
          `published` smallint(6) NOT NULL DEFAULT 0,
          PRIMARY KEY (`id`),
          KEY `published` (`published`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8;

        CREATE TABLE `{p}k2_tags_xref` (
          `id` int(11) NOT NULL AUTO_INCREMENT,
          `tagID` int(11) NOT NULL,
          `itemID` int(11) NOT NULL,
          PRIMARY KEY (`id`),
          KEY `tagID` (`tagID`),
          KEY `itemID` (`itemID`)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8;
        """;
}
